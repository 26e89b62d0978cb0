package org.gbx.client.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gbx.client.audit.chain.ChannelTrust;
import org.gbx.client.audit.chain.MspCertificates;
import org.gbx.client.audit.report.ReportVerification.Check;
import org.gbx.client.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The auditor's signature covers the same bytes in every language, and an edited page fails verification. */
class ReportSealTest {

    private static final TestPki.Issued COMMITTEE_CA = TestPki.certificateAuthority("ca.oversight");
    private static final TestPki.Issued AUDITOR = TestPki.enrolled(COMMITTEE_CA, "auditor1", "auditor");
    private static final ChannelTrust TRUST = trust(COMMITTEE_CA);
    private static final Function<Locale, Function<String, String>> NAMES = locale -> {
        Map<String, String> names = locale.getScript().equals("Hant") ? ReportTextTest.FORCES_HANT
                : locale.getScript().equals("Hans") ? ReportTextTest.FORCES_HANS : ReportWritersTest.FORCES;
        return msp -> names.getOrDefault(msp, msp);
    };

    private final AuditReport report = ReportTextTest.sample();

    private static ChannelTrust trust(TestPki.Issued ca) {
        return new ChannelTrust(-1, Map.of("OversightMSP", new MspCertificates("OversightMSP",
                List.of(ca.certificate()), List.of())), Set.of("OversightMSP"));
    }

    private String signedPage(String tag, TestPki.Issued signer) {
        ReportSeal seal = ReportSeal.sign(report, signer.key(), signer.certificate());
        Locale locale = Locale.forLanguageTag(tag);
        return new HtmlReportWriter(report, new ReportText(locale, ZoneId.of("Asia/Macau"), NAMES.apply(locale)),
                Optional.of(seal)).page();
    }

    @Test
    void the_signed_bytes_are_the_reports_json_whatever_the_language() {
        byte[] canonical = ReportSeal.canonical(report);
        for (String tag : List.of("en", "zh-Hant", "zh-Hans")) {
            String page = signedPage(tag, AUDITOR);
            ReportVerification verification = ReportVerification.check(page, TRUST, NAMES);
            assertThat(verification.verified()).as("%s page verifies: %s", tag, verification.checks()).isTrue();
            assertThat(ReportSeal.canonical(verification.report().orElseThrow())).as("signed content of %s", tag)
                    .isEqualTo(canonical);
        }
        assertThat(new String(canonical, StandardCharsets.UTF_8)).contains("\"rule\" : \"destruction-overdue\"")
                .doesNotContain("澳門", "Macau Judiciary Police");
        assertThat(signedPage("zh-Hant", AUDITOR)).contains("auditor1", "gbx test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-Hans"})
    void an_edited_page_fails_though_its_signature_still_matches_its_content(String tag) {
        String page = signedPage(tag, AUDITOR);
        String finding = tag.equals("en") ? "Destruction overdue by" : "销毁已逾期";
        assertThat(page).contains(finding);

        ReportVerification verification = ReportVerification.check(page.replace(finding, "Nothing wrong"), TRUST, NAMES);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.checks()).containsEntry(Check.SIGNATURE_VALID, true)
                .containsEntry(Check.PAGE_MATCHES_SIGNED_CONTENT, false);
    }

    @Test
    void a_changed_signed_content_breaks_the_signature() {
        String page = signedPage("en", AUDITOR);
        int start = page.indexOf("<pre hidden id=\"" + HtmlReportWriter.CONTENT_ID + "\">") + 40;
        char flipped = page.charAt(start) == 'A' ? 'B' : 'A';
        String edited = page.substring(0, start) + flipped + page.substring(start + 1);

        assertThat(ReportVerification.check(edited, TRUST, NAMES).checks())
                .containsEntry(Check.SIGNATURE_VALID, false);
    }

    @Test
    void a_signer_from_outside_the_channel_or_without_the_auditor_role_fails() {
        TestPki.Issued strangerCa = TestPki.certificateAuthority("ca.elsewhere");
        assertThat(ReportVerification.check(signedPage("en", TestPki.enrolled(strangerCa, "auditor1", "auditor")),
                TRUST, NAMES).checks()).containsEntry(Check.SIGNATURE_VALID, true)
                .containsEntry(Check.SIGNER_OF_CHANNEL_ORGANISATION, false);
        assertThat(ReportVerification.check(signedPage("en", TestPki.enrolled(COMMITTEE_CA, "liaison1", "liaison")),
                TRUST, NAMES).checks()).containsEntry(Check.SIGNER_OF_CHANNEL_ORGANISATION, true)
                .containsEntry(Check.SIGNER_IS_AUDITOR, false);
    }

    @Test
    void an_unsigned_page_is_not_verified() {
        String page = new HtmlReportWriter(report, ReportWritersTest.ENGLISH, Optional.empty()).page();

        assertThat(ReportVerification.check(page, TRUST, NAMES).checks())
                .containsEntry(Check.SIGNED_CONTENT_PRESENT, false);
    }
}
