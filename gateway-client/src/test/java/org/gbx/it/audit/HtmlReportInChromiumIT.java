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
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.gbx.client.audit.report.ReportSeal;
import org.gbx.client.audit.report.ReportText;
import org.gbx.client.cli.Messages;
import org.gbx.client.identity.UserIdentity;
import java.net.URI;
import java.util.regex.MatchResult;
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

/**
 * The HTML report opens in a real browser without console errors, its charts are drawn, and its
 * filters work; screenshots of it in every language are kept under {@code target/report-screenshots/}
 * for a person to look at.
 */
class HtmlReportInChromiumIT {

    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static final List<String> LANGUAGES = List.of("en", "zh-Hant", "zh-Hans");

    /** The colour of the first series of every chart (SvgBarChart). */
    private static final int BAR_RGB = 0x1f5f8b;
    private static final Pattern BAR = Pattern.compile("<rect class=\"bar\"[^>]*height=\"(\\d+)\"");

    @TempDir
    Path temp;

    @Test
    void a_report_with_breaches_renders_five_non_empty_charts_in_every_language_without_console_messages()
            throws Exception {
        AuditReport report = ReportBuilder.build(ReportSamples.monthWithBreaches(), ReportSamples.FROM,
                ReportSamples.TO, ReportSamples.TO, Instant.now(), "sample", 1, "00".repeat(32), 0);
        for (String language : LANGUAGES) {
            HeadlessChromium.Page page = HeadlessChromium.open(write(report, language, Optional.empty()), temp);
            keepScreenshot(page, "sample-" + language);
            assertThat(page.consoleMessages()).as("console of the %s page", language).isEmpty();
            assertThat(page.dom()).contains("<html lang=\"" + language + "\"");
        }
        HeadlessChromium.Page timelines = HeadlessChromium.open(
                URI.create(write(report, "zh-Hant", Optional.empty()).toUri() + "#open"), temp);
        keepScreenshot(timelines, "sample-zh-Hant-timelines");
        assertThat(timelines.dom()).as("every timeline opened, with the officers' justifications")
                .doesNotContain("<details>").contains("<details open=\"\">", "使用理由：Cross-check with the Gongbei");
        HeadlessChromium.Page page = HeadlessChromium.open(write(report, "en", Optional.empty()), temp);

        assertThat(page.dom()).as("the filters are shown by the page's own script")
                .contains("<form id=\"filters\">").doesNotContain("<form id=\"filters\" hidden");
        assertThat(page.dom().split("<svg ", -1)).hasSize(6);
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
        UserIdentity auditor = UserIdentity.load(TestNetwork.config().requireOrganisation("oversight"), "auditor1");
        ReportSeal seal = ReportSeal.sign(report, auditor.privateKey(), auditor.certificate());

        for (String language : LANGUAGES) {
            HeadlessChromium.Page page = HeadlessChromium.open(write(report, language, Optional.of(seal)), temp);
            keepScreenshot(page, "ledger-" + language);
            assertThat(page.consoleMessages()).as("console of the %s page", language).isEmpty();
        }
        HeadlessChromium.Page english = HeadlessChromium.open(write(report, "en", Optional.of(seal)), temp);
        assertThat(english.dom()).contains("Exchanges per week", "Pending requests by age",
                "Overdue destructions by recipient", "Ledger steps per day", "signed by auditor1");
    }

    @Test
    void the_filters_hide_the_rows_that_do_not_match_in_the_browser() throws Exception {
        AuditReport report = ReportBuilder.build(ReportSamples.monthWithBreaches(), ReportSamples.FROM,
                ReportSamples.TO, ReportSamples.TO, Instant.now(), "sample", 1, "00".repeat(32), 0);
        URI breaches = URI.create(write(report, "en", Optional.empty()).toUri() + "#severity=BREACH");

        HeadlessChromium.Page page = HeadlessChromium.open(breaches, temp);

        assertThat(page.consoleMessages()).isEmpty();
        List<String> rows = Pattern.compile("<tr data-force=[^>]*>").matcher(page.dom()).results()
                .map(MatchResult::group).toList();
        assertThat(rows).as("rows with a BREACH stay").filteredOn(r -> r.contains("BREACH"))
                .isNotEmpty().noneMatch(r -> r.contains("hidden"));
        assertThat(rows).as("finding rows of other severities are hidden")
                .filteredOn(r -> r.contains("data-severity=\"NOTICE\"") || r.contains("data-severity=\"WARNING\""))
                .isNotEmpty().allMatch(r -> r.contains("hidden"));
    }

    @Test
    void the_console_check_catches_a_page_that_breaks_its_policy() throws Exception {
        Path broken = temp.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
                + "content=\"default-src 'none'\"></head><body><script>console.error('x')</script></body></html>");

        assertThat(HeadlessChromium.open(broken, temp).consoleMessages()).isNotEmpty();
    }

    private Path write(AuditReport report, String language, Optional<ReportSeal> seal) throws IOException {
        Path file = temp.resolve("report-" + language + ".html");
        Locale locale = Locale.forLanguageTag(language);
        Messages names = new Messages(locale);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ReportFormat.HTML.write(report, new ReportText(locale, ZoneId.of("Asia/Macau"),
                    msp -> names.find("org." + msp).orElse(msp)), seal, out);
        }
        return file;
    }

    private static void keepScreenshot(HeadlessChromium.Page page, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(page.screenshot(), "png", SCREENSHOTS.resolve(name + ".png").toFile());
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
