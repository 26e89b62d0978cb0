package org.gbx.client.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.gbx.client.audit.rules.AuditedRequest;
import org.gbx.client.audit.rules.Finding;
import org.gbx.client.audit.rules.ReportSamples;
import org.gbx.client.audit.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The report reads in the auditor's language and zone, with nothing left in English or in UTC. */
class ReportTextTest {

    static final Map<String, String> FORCES_HANT = Map.of("MacauPJMSP", "澳門司法警察局", "ZhuhaiPSBMSP", "珠海市公安局",
            "OversightMSP", "大數據會商委員會");
    static final Map<String, String> FORCES_HANS = Map.of("MacauPJMSP", "澳门司法警察局", "ZhuhaiPSBMSP", "珠海市公安局",
            "OversightMSP", "大数据会商委员会");

    static ReportText text(String tag, ZoneId zone) {
        Map<String, String> names = tag.equals("zh-Hant") ? FORCES_HANT : tag.equals("zh-Hans") ? FORCES_HANS
                : ReportWritersTest.FORCES;
        return new ReportText(Locale.forLanguageTag(tag), zone, msp -> names.getOrDefault(msp, msp));
    }

    /** A month with breaches and a few lookups, one officer reaching the daily cap. */
    static AuditReport sample() {
        return ReportBuilder.build(ReportSamples.monthWithBreaches(), lookups(), ReportSamples.FROM, ReportSamples.TO,
                ReportSamples.TO, Instant.parse("2026-04-02T00:00:00Z"), "peer 127.0.0.1:9051 (OversightMSP)", 42,
                "ab".repeat(32), 0);
    }

    private static LookupActivity lookups() {
        String macauOfficer = "3a".repeat(32);
        String zhuhaiOfficer = "5c".repeat(32);
        return LookupActivity.of(List.of(
                lookup("LKP-0003", "ZhuhaiPSBMSP", "MacauPJMSP", zhuhaiOfficer, "MACAU_ID", "2026-03-12T02:00:00Z", 1,
                        "REQ-2026-0312"),
                lookup("LKP-0001", "MacauPJMSP", "ZhuhaiPSBMSP", macauOfficer, "MAINLAND_ID", "2026-03-03T01:00:00Z", 1,
                        null),
                lookup("LKP-0002", "MacauPJMSP", "ZhuhaiPSBMSP", macauOfficer, "PLATE", "2026-03-03T01:30:00Z", 2,
                        null)));
    }

    private static LookupActivity.AuditedLookup lookup(String id, String asker, String holder, String officer,
            String idType, String at, int sequence, String requestId) {
        Instant time = Instant.parse(at);
        return new LookupActivity.AuditedLookup(id, asker, holder, officer, idType, "核實詐騙案嫌疑人", "《刑事訴訟法典》第159條",
                time, time.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate(), sequence, 2, requestId, 7, "tx-" + id);
    }

    static String page(AuditReport report, ReportText text) {
        return new HtmlReportWriter(report, text, Optional.empty()).page();
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReportText.class.getResourceAsStream("report" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_zh_Hant", "_zh_Hans"})
    void every_status_and_every_step_of_a_request_has_its_words_in_the_report(String suffix) throws IOException {
        Properties report = bundle(suffix);
        Properties cli = new Properties();
        try (InputStream in = org.gbx.client.cli.Messages.class.getResourceAsStream("messages.properties")) {
            cli.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> missing = new ArrayList<>();
        for (org.gbx.client.model.Status status : org.gbx.client.model.Status.values()) {
            if (report.getProperty("status." + status.name()) == null) {
                missing.add("status." + status.name());
            }
        }
        // The request transactions gbx names to officers are the steps a timeline shows (RecordNoMatch once missed).
        cli.stringPropertyNames().stream().filter(key -> key.startsWith("transaction."))
                .map(key -> "tx." + key.substring("transaction.".length()))
                .filter(key -> report.getProperty(key) == null).forEach(missing::add);
        assertThat(missing).as("report" + suffix + ".properties").isEmpty();
    }

    @Test
    void every_language_has_every_text_and_the_chinese_ones_hold_no_english() throws IOException {
        Properties english = bundle("");
        for (String suffix : List.of("_zh_Hant", "_zh_Hans")) {
            Properties chinese = bundle(suffix);
            assertThat(chinese.stringPropertyNames()).as("keys of report%s", suffix)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : chinese.stringPropertyNames()) {
                String words = chinese.getProperty(key).replaceAll("\\{[^}]*}", "")
                        .replaceAll("gbx audit verify-(ledger|report)|--ca-dir|CMS|UTC|<|>", "");
                assertThat(words).as("%s in report%s", key, suffix).doesNotContainPattern("[A-Za-z]{2,}");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-Hant", "zh-Hans"})
    void a_chinese_page_has_its_lang_and_no_english_label_status_transaction_or_finding(String tag) throws IOException {
        AuditReport report = sample();
        String page = page(report, text(tag, ZoneId.of("Asia/Macau")));
        // Ids and hashes are data, not words: request ids and officer hashes are left out.
        String visible = visibleText(page.replaceAll("<(td|span) class=\"hash\"[^>]*>[^<]*</(td|span)>", " "));

        assertThat(page).startsWith("<!DOCTYPE html><html lang=\"" + tag + "\">");
        assertThat(visible).contains(tag.equals("zh-Hant") ? "澳門司法警察局 → 珠海市公安局" : "澳门司法警察局 → 珠海市公安局");
        List<String> english = new ArrayList<>();
        bundle("").forEach((key, value) -> Stream.of(value.toString().split("\\{[^}]*}"))
                .map(String::trim).filter(fragment -> fragment.length() >= 6).forEach(english::add));
        report.findings().forEach(f -> english.add(f.message()));
        assertThat(english.stream().filter(visible::contains)
                .map(e -> visible.substring(Math.max(0, visible.indexOf(e) - 40),
                        Math.min(visible.length(), visible.indexOf(e) + e.length() + 40))).toList())
                .as("English texts shown in the %s page, in their context", tag).isEmpty();
        assertThat(visible).doesNotContain("MacauPJMSP", "PENDING", "BREACH", "CreateRequest", "RecordAccess");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-Hant", "zh-Hans"})
    void lookups_are_shown_in_words_sorted_and_the_same_when_drawn_from_the_signed_json(String tag) {
        AuditReport report = sample();
        AuditReport readBack = new ReportSeal(ReportSeal.canonical(report), new byte[0]).report();
        ReportText text = text(tag, ZoneId.of("Asia/Macau"));
        String page = page(report, text);

        assertThat(page(readBack, text)).isEqualTo(page);
        assertThat(readBack.lookups().perDay().keySet()).extracting(LocalDate::toString)
                .containsExactly("2026-03-03", "2026-03-12");
        assertThat(page).contains(text.get("section.lookups"), text.get("idType.PLATE"), text.get("lookups.ofTheDay", 2, 2),
                text.get("lookups.capReached", "2026-03-03", text.organisation("MacauPJMSP")), text.time(
                        Instant.parse("2026-03-12T02:00:00Z")));
        assertThat(visibleText(page)).doesNotContain("MAINLAND_ID", "ZhuhaiPSBMSP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Macau", "Asia/Shanghai"})
    void a_period_from_a_day_shows_as_that_day_and_times_in_the_zone_to_the_minute(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant from = LocalDate.parse("2026-11-01").atStartOfDay(zone).toInstant();
        Instant to = LocalDate.parse("2026-12-01").atStartOfDay(zone).toInstant();
        AuditedRequest request = ReportSamples.monthWithBreaches().get(0);
        AuditReport report = ReportBuilder.build(List.of(request), from, to, to, to, "test", 1, "00", 0);

        String page = page(report, text("en", zone));

        assertThat(page).contains("2026-11-01 to 2026-12-01").contains(zoneId)
                .doesNotContain("2026-10-31").doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}").doesNotContain("T16:00");
        assertThat(page).contains(text("en", zone).time(request.createdAt()));
    }

    @Test
    void a_finding_of_a_rule_the_text_does_not_know_is_shown_with_the_rules_own_words() {
        Finding later = new Finding("timestamp-out-of-order", Severity.WARNING, "req-9", "MacauPJMSP",
                Instant.parse("2026-03-05T01:00:00Z"), "The proposal's time is 40 min before the previous block's.");
        AuditReport sample = sample();
        List<Finding> findings = new ArrayList<>(sample.findings());
        findings.add(later);
        AuditReport report = new AuditReport(sample.generatedAt(), sample.from(), sample.to(), sample.asOf(),
                sample.source(), sample.blockHeight(), sample.headerHash(), 0, sample.rules(), findings,
                sample.requests(), sample.charts());

        assertThat(page(report, text("zh-Hant", ZoneId.of("Asia/Macau"))))
                .contains(Html.escape(later.message()), "timestamp-out-of-order", "警告");
    }

    @Test
    void durations_read_as_words_in_each_language() {
        java.time.Duration d = java.time.Duration.ofHours(50);
        assertThat(text("en", ZoneId.of("Asia/Macau")).duration(d)).isEqualTo("2 days 2 h");
        assertThat(text("zh-Hant", ZoneId.of("Asia/Macau")).duration(d)).isEqualTo("2 天 2 小時");
        assertThat(text("zh-Hans", ZoneId.of("Asia/Macau")).duration(java.time.Duration.ofMinutes(45)))
                .isEqualTo("45 分钟");
    }

    /** The page's text as a reader sees it: no tags, attributes, style, script or hidden signature blocks. */
    static String visibleText(String page) {
        return page.replaceAll("(?s)<style>.*?</style>|<script>.*?</script>|<pre hidden[^>]*>.*?</pre>", " ")
                .replaceAll("(?s)<title>.*?</title>", " ").replaceAll("<[^>]*>", " ")
                .replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&").replace("&#39;", "'");
    }
}
