package org.gbx.client.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gbx.client.audit.rules.ReportSamples;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

    static final Map<String, String> FORCES = Map.of("MacauPJMSP", "Macau Judiciary Police",
            "ZhuhaiPSBMSP", "Zhuhai PSB", "OversightMSP", "Big Data Consultation Committee");
    static final ReportText ENGLISH = new ReportText(Locale.ENGLISH, ZoneId.of("Asia/Macau"),
            msp -> FORCES.getOrDefault(msp, msp));

    private final AuditReport report = ReportBuilder.build(ReportSamples.monthWithBreaches(), ReportSamples.FROM,
            ReportSamples.TO, ReportSamples.TO, Instant.parse("2026-04-02T00:00:00Z"), "test", 42, "ab".repeat(32), 0);

    @Test
    void the_html_report_is_self_contained_and_draws_every_chart() throws IOException {
        String html = write(ReportFormat.HTML);

        assertThat(html).contains("default-src 'none'").doesNotContain("http://", "https://", "src=\"");
        assertThat(html.split("<script", -1)).as("one inline script, allowed by its hash").hasSize(2);
        assertThat(html.split("<svg ", -1)).hasSize(6);
        assertThat(html).contains("class=\"bar\"", "Macau Judiciary Police → Zhuhai PSB", "destruction-overdue");
    }

    @Test
    void the_charts_count_exchanges_per_week_by_direction_and_pending_by_age() {
        ChartSeries weekly = report.charts().get(0);
        ChartSeries pending = report.charts().get(1);

        assertThat(weekly.labels()).startsWith("2026-02-23", "2026-03-02").hasSize(6);
        assertThat(weekly.series()).containsKeys("MacauPJMSP → ZhuhaiPSBMSP", "ZhuhaiPSBMSP → MacauPJMSP");
        assertThat(pending.series().get("PENDING")).containsExactly(1, 0, 0, 1);
    }

    @Test
    void the_json_report_names_each_finding_by_rule_and_severity() throws IOException {
        JsonNode json = new ObjectMapper().readTree(write(ReportFormat.JSON));

        assertThat(json.path("findings").findValuesAsText("rule"))
                .contains("unanswered-past-deadline", "destruction-overdue", "delivery-outside-grant");
        assertThat(json.path("asOf").asText()).isEqualTo("2026-04-01T00:00:00Z");
    }

    @Test
    void the_csv_report_has_findings_then_timeline_events_and_neutralises_formulas() throws IOException {
        String csv = write(ReportFormat.CSV);

        assertThat(csv.lines().findFirst()).hasValue(String.join(",", CsvReportWriter.HEADER));
        assertThat(csv).contains("finding,late-answer,ZhuhaiPSBMSP", "event,overdue,");
        assertThat(CsvReportWriter.quote("=cmd()")).isEqualTo("'=cmd()");
        assertThat(CsvReportWriter.quote("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }

    @Test
    void text_from_the_ledger_is_escaped_in_html() {
        assertThat(Html.escape("<script>\"x\"&'")).isEqualTo("&lt;script&gt;&quot;x&quot;&amp;&#39;");
    }

    private String write(ReportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        format.write(report, ENGLISH, Optional.empty(), out);
        return out.toString();
    }
}
