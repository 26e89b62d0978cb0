package org.gbx.client.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;

/**
 * Reads what evidence needs from an enrolment certificate: the Fabric CA attribute extension
 * (OID 1.2.3.4.5.6.7.8.1, JSON {@code {"attrs":{"gbx.role":...}}}) and the validity period.
 */
public final class SignerCertificate {
    static final String FABRIC_ATTRIBUTES = "1.2.3.4.5.6.7.8.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignerCertificate() {
    }

    public static Optional<String> role(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(FABRIC_ATTRIBUTES);
        if (extension == null) {
            return Optional.empty();
        }
        try {
            Map<?, ?> json = JSON.readValue(ASN1OctetString.getInstance(extension).getOctets(), Map.class);
            return json.get("attrs") instanceof Map<?, ?> attributes && attributes.get("gbx.role") instanceof String r
                    ? Optional.of(r) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean validAt(X509Certificate certificate, Instant time) {
        return !time.isBefore(certificate.getNotBefore().toInstant())
                && !time.isAfter(certificate.getNotAfter().toInstant());
    }
}
