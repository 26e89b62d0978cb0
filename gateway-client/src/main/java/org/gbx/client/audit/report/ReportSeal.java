package org.gbx.client.audit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.gbx.client.delivery.ManifestSigner;
import org.gbx.client.evidence.CmsEndorsement;

/**
 * The auditor's signature on a report. What is signed is the report's JSON (exactly what
 * {@code --format json} prints): codes, UTC times and hashes, the same bytes whatever language or
 * zone a page is shown in. The HTML page carries those bytes and the detached CMS signature
 * (the same kind as the verification statement's), so {@code gbx audit verify-report} checks the
 * signature and that the page is what those bytes show.
 *
 * @param content the signed JSON
 * @param signature a detached CMS SignedData over {@code content}, carrying the signer's certificate
 */
public record ReportSeal(byte[] content, byte[] signature) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The report's language-independent form, which the auditor signs. */
    public static byte[] canonical(AuditReport report) {
        try {
            return JSON.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report as JSON", e);
        }
    }

    public static ReportSeal sign(AuditReport report, PrivateKey key, X509Certificate certificate) {
        byte[] content = canonical(report);
        return new ReportSeal(content, new ManifestSigner(key, certificate).sign(content));
    }

    /** The report these bytes hold. */
    public AuditReport report() {
        try {
            return JSON.readValue(content, AuditReport.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the signed content is not a gbx report: " + e.getMessage(), e);
        }
    }

    public CmsEndorsement verify() {
        return CmsEndorsement.read(signature, content);
    }

    /** Who signed, as the page shows it: the certificate's common name, its issuer's organisation, its serial. */
    Optional<Signer> signer() {
        return verify().signer().map(c -> new Signer(attribute(c.getSubjectX500Principal().getName(), "CN"),
                attribute(c.getIssuerX500Principal().getName(), "O"), c.getSerialNumber().toString(16)));
    }

    record Signer(String name, String organisation, String serial) {
    }

    private static String attribute(String distinguishedName, String type) {
        try {
            return new LdapName(distinguishedName).getRdns().stream().filter(r -> r.getType().equalsIgnoreCase(type))
                    .map(Rdn::getValue).map(Object::toString).findFirst().orElse("?");
        } catch (InvalidNameException e) {
            return "?";
        }
    }
}
