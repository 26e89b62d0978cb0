package org.gbx.client.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;

/**
 * What an enrolment certificate says about its officer, read the way the chaincode reads it: the
 * {@code gbx.role} in Fabric CA's attribute extension (OID 1.2.3.4.5.6.7.8.1, JSON
 * {@code {"attrs":{"gbx.role":...}}}), and the officer's pseudonym on the ledger, the hex SHA-256 of
 * the Fabric client identity id {@code x509::<subject>::<issuer>}.
 */
public final class EnrolmentCertificate {

    public static final String FABRIC_ATTRIBUTES = "1.2.3.4.5.6.7.8.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnrolmentCertificate() {
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

    /** The {@code officer} hash the ledger records for this certificate's holder. */
    @SuppressWarnings("deprecation") // getSubjectDN/getIssuerDN: the very names the chaincode shim hashes
    public static String officer(X509Certificate certificate) {
        String id = "x509::" + certificate.getSubjectDN().getName() + "::" + certificate.getIssuerDN().getName();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
