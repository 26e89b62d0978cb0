package org.gbx.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gbx.client.audit.ChainVerification;
import org.gbx.client.audit.ChainVerificationResult;
import org.gbx.client.audit.ProgressListener;
import org.gbx.client.audit.report.AuditReport;
import org.gbx.client.audit.report.ReportBuilder;
import org.gbx.client.audit.report.ReportFormat;
import org.gbx.client.audit.rules.ReportSamples;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.it.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report opens in a real browser without console errors, and its charts are drawn. */
class HtmlReportInChromiumIT {

    /** The colour of the first series of every chart (SvgBarChart). */
    private static final int BAR_RGB = 0x1f5f8b;
    private static final Pattern BAR = Pattern.compile("<rect class=\"bar\"[^>]*height=\"(\\d+)\"");

    @TempDir
    Path temp;

    @Test
    void a_report_with_breaches_renders_three_non_empty_charts_without_console_messages() throws Exception {
        AuditReport report = ReportBuilder.build(ReportSamples.monthWithBreaches(), ReportSamples.FROM,
                ReportSamples.TO, ReportSamples.TO, Instant.now(), "sample", 1, "00".repeat(32), 0);

        HeadlessChromium.Page page = HeadlessChromium.open(write(report), temp);

        assertThat(page.consoleMessages()).isEmpty();
        assertThat(page.dom().split("<svg ", -1)).hasSize(4);
        for (String chart : page.dom().split("<svg ")) {
            if (chart.startsWith("class=\"chart\"")) {
                assertThat(barHeights(chart.substring(0, chart.indexOf("</svg>")))).as("bars of a chart")
                        .anyMatch(height -> height > 0);
            }
        }
        assertThat(pixelsOfColour(page.screenshot(), BAR_RGB)).as("bar pixels on screen").isGreaterThan(2000);
    }

    @Test
    void the_report_of_the_real_ledger_opens_without_console_messages() throws Exception {
        ChainVerificationResult ledger;
        try (LedgerConnection auditor = TestNetwork.connect(TestNetwork.OVERSIGHT_AUDITOR)) {
            ledger = new ChainVerification(TestNetwork.config().channel(), TestNetwork.config().chaincode(),
                    Optional.empty(), ProgressListener.silent()).run(LedgerVerificationIT.committeePeer(auditor));
        }
        Instant now = Instant.now();
        AuditReport report = ReportBuilder.build(ledger, now.minus(Duration.ofDays(28)), now.plusSeconds(1), now);

        HeadlessChromium.Page page = HeadlessChromium.open(write(report), temp);

        assertThat(page.consoleMessages()).isEmpty();
        assertThat(page.dom()).contains("Exchanges per week by direction", "Pending requests by age",
                "Overdue destructions by recipient");
    }

    @Test
    void the_console_check_catches_a_page_that_breaks_its_policy() throws Exception {
        Path broken = temp.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
                + "content=\"default-src 'none'\"></head><body><script>console.error('x')</script></body></html>");

        assertThat(HeadlessChromium.open(broken, temp).consoleMessages()).isNotEmpty();
    }

    private Path write(AuditReport report) throws IOException {
        Path file = temp.resolve("report.html");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ReportFormat.HTML.write(report, out);
        }
        return file;
    }

    private static java.util.List<Integer> barHeights(String svg) {
        java.util.List<Integer> heights = new java.util.ArrayList<>();
        Matcher matcher = BAR.matcher(svg);
        while (matcher.find()) {
            heights.add(Integer.parseInt(matcher.group(1)));
        }
        return heights;
    }

    private static int pixelsOfColour(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
