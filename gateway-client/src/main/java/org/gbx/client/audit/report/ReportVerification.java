package org.gbx.client.audit.report;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gbx.client.audit.chain.ChannelTrust;
import org.gbx.client.audit.chain.MspCertificates;
import org.gbx.client.evidence.CmsEndorsement;
import org.gbx.client.evidence.SignerCertificate;

/**
 * Checks a signed HTML report offline, with the channel organisations' CA certificates alone: the
 * signature over the signed JSON, that an auditor of a channel organisation made it, and that the
 * page shows exactly what the signed JSON holds (drawn again in the page's language and zone and
 * compared byte for byte, so an edited page fails even if its signature block is left intact).
 *
 * @param checks every check, in order, and whether it passed
 * @param report what the signed content holds, when it could be read
 * @param signerMspId the channel organisation whose CA issued the signer's certificate
 */
public record ReportVerification(Map<Check, Boolean> checks, Optional<AuditReport> report,
        Optional<X509Certificate> signer, Optional<String> signerMspId) {

    /** What is checked, in order. */
    public enum Check {
        /** The page carries signed content and a signature. */
        SIGNED_CONTENT_PRESENT,
        /** The CMS signature verifies over the signed content. */
        SIGNATURE_VALID,
        /** The signer's certificate was issued by a channel organisation's CA. */
        SIGNER_OF_CHANNEL_ORGANISATION,
        /** The signer's certificate carries the role {@code auditor}. */
        SIGNER_IS_AUDITOR,
        /** The page is exactly what the signed content shows in the page's language and zone. */
        PAGE_MATCHES_SIGNED_CONTENT
    }

    private static final Pattern LANG = Pattern.compile("<html lang=\"([^\"]+)\"");
    private static final Pattern ZONE = Pattern.compile(
            "<meta name=\"" + HtmlReportWriter.ZONE_META + "\" content=\"([^\"]+)\"");

    public boolean verified() {
        return checks.values().stream().allMatch(Boolean::booleanValue);
    }

    /**
     * @param organisationNames the force names of a language, as the report was drawn with them
     */
    public static ReportVerification check(String page, ChannelTrust trust,
            Function<Locale, Function<String, String>> organisationNames) {
        Map<Check, Boolean> checks = new LinkedHashMap<>();
        for (Check check : Check.values()) {
            checks.put(check, false);
        }
        Optional<ReportSeal> seal = block(page, HtmlReportWriter.CONTENT_ID)
                .flatMap(content -> block(page, HtmlReportWriter.SIGNATURE_ID).map(s -> new ReportSeal(content, s)));
        if (seal.isEmpty()) {
            return new ReportVerification(checks, Optional.empty(), Optional.empty(), Optional.empty());
        }
        checks.put(Check.SIGNED_CONTENT_PRESENT, true);
        CmsEndorsement signature = seal.get().verify();
        checks.put(Check.SIGNATURE_VALID, signature.signatureValid());
        Optional<String> mspId = signature.signer().flatMap(certificate -> trust.msps().values().stream()
                .filter(msp -> msp.issued(certificate)).map(MspCertificates::mspId).findFirst());
        checks.put(Check.SIGNER_OF_CHANNEL_ORGANISATION, mspId.isPresent());
        checks.put(Check.SIGNER_IS_AUDITOR, signature.signer().flatMap(SignerCertificate::role)
                .filter("auditor"::equals).isPresent());
        Optional<AuditReport> report;
        try {
            report = Optional.of(seal.get().report());
        } catch (IllegalArgumentException e) {
            report = Optional.empty();
        }
        checks.put(Check.PAGE_MATCHES_SIGNED_CONTENT, report.map(r -> redrawn(page, r, seal.get(), organisationNames))
                .filter(page::equals).isPresent());
        return new ReportVerification(checks, report, signature.signer(), mspId);
    }

    private static String redrawn(String page, AuditReport report, ReportSeal seal,
            Function<Locale, Function<String, String>> organisationNames) {
        Optional<String> lang = group(LANG, page);
        Optional<String> zone = group(ZONE, page);
        if (lang.isEmpty() || zone.isEmpty()) {
            return "";
        }
        try {
            Locale locale = Locale.forLanguageTag(lang.get());
            return new HtmlReportWriter(report, new ReportText(locale, ZoneId.of(zone.get()),
                    organisationNames.apply(locale)), Optional.of(seal)).page();
        } catch (java.time.DateTimeException e) {
            return "";
        }
    }

    private static Optional<byte[]> block(String page, String id) {
        Matcher matcher = Pattern.compile("<pre hidden id=\"" + id + "\">([A-Za-z0-9+/=\\r\\n]*)</pre>").matcher(page);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(matcher.group(1).getBytes(StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> group(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
