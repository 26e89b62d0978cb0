package org.gbx.client.testing;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made on the fly for tests: a CA per pretend force, and leaves it issues (EC P-256). */
public final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key and its certificate. */
    public record Issued(PrivateKey key, X509Certificate certificate) {

        /** Writes {@code name.crt} and {@code name.key} (PKCS#8 PEM, as fabric-ca-client writes) into dir. */
        public Path[] writePem(Path dir, String name) throws IOException {
            Files.createDirectories(dir);
            Path crt = dir.resolve(name + ".crt");
            Path key = dir.resolve(name + ".key");
            try (Writer w = Files.newBufferedWriter(crt); JcaPEMWriter pem = new JcaPEMWriter(w)) {
                pem.writeObject(certificate);
            }
            try (Writer w = Files.newBufferedWriter(key); JcaPEMWriter pem = new JcaPEMWriter(w)) {
                pem.writeObject(new JcaPKCS8Generator(this.key, null));
            }
            return new Path[] {crt, key};
        }
    }

    private TestPki() {
    }

    public static Issued certificateAuthority(String name) {
        try {
            KeyPair keys = keyPair();
            X500Name subject = new X500Name("CN=" + name + ",O=gbx test");
            org.bouncycastle.cert.X509v3CertificateBuilder builder = builder(subject, subject, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature));
            return new Issued(keys.getPrivate(), sign(builder, keys.getPrivate()));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A leaf for TLS server and client use and for signing, with SANs localhost and 127.0.0.1. */
    public static Issued leaf(Issued ca, String name) {
        return leaf(ca, name, null);
    }

    /** A leaf that carries {@code gbx.role} as Fabric CA writes enrolment attributes (OID 1.2.3.4.5.6.7.8.1). */
    public static Issued enrolled(Issued ca, String name, String role) {
        return leaf(ca, name, role);
    }

    private static Issued leaf(Issued ca, String name, String role) {
        try {
            KeyPair keys = keyPair();
            X500Name issuer = new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(ca.certificate()).getSubject();
            org.bouncycastle.cert.X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=" + name + ",O=gbx test"), keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            if (role != null) {
                builder.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1"), false,
                        ("{\"attrs\":{\"gbx.role\":\"" + role + "\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return new Issued(keys.getPrivate(), sign(builder, ca.key()));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
