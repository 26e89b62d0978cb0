package org.gbx.chaincode.testing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.google.protobuf.ByteString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A test identity as Fabric CA would enrol it: an X.509 certificate whose Fabric
 * attribute extension (OID 1.2.3.4.5.6.7.8.1) carries {@code {"attrs":{"gbx.role":...}}},
 * wrapped in the SerializedIdentity a peer hands to the chaincode as the creator.
 */
public record Officer(String mspId, String role, String name) {
    private static final ASN1ObjectIdentifier FABRIC_ATTRIBUTES = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");
    private static final Map<Officer, byte[]> CREATORS = new ConcurrentHashMap<>();

    public static Officer of(String mspId, String role) {
        return new Officer(mspId, role, (role == null ? "user" : role) + "1");
    }

    /** Serialized identity bytes, made once per officer: key generation is the slow part. */
    public byte[] creator() {
        return CREATORS.computeIfAbsent(this, Officer::enrol).clone();
    }

    private byte[] enrol() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.parse("2025-01-01T00:00:00Z");
            var builder = new JcaX509v3CertificateBuilder(
                    new X500Name("CN=ca." + mspId + ",O=" + mspId),
                    BigInteger.valueOf(Math.abs((long) hashCode()) + 1),
                    Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    new X500Name("CN=" + name + ",OU=client,O=" + mspId), keys.getPublic());
            if (role != null) {
                String attributes = "{\"attrs\":{\"gbx.role\":\"" + role + "\"}}";
                builder.addExtension(FABRIC_ATTRIBUTES, false, attributes.getBytes(StandardCharsets.UTF_8));
            }
            X509CertificateHolder certificate =
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(certificate);
            }
            return SerializedIdentity.newBuilder()
                    .setMspid(mspId)
                    .setIdBytes(ByteString.copyFromUtf8(pem.toString()))
                    .build()
                    .toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
