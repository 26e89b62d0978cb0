package org.gbx.it.evidence;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.gbx.client.cli.Gbx;
import org.gbx.client.config.Organisation;
import org.gbx.client.delivery.ManifestSigner;
import org.gbx.client.evidence.EvidenceBundle;
import org.gbx.client.testing.TestPki;
import org.gbx.it.TestNetwork;

/** Helpers of the evidence ITs: the court's CA folder, re-signed bundles, certificates with a chosen validity, the CLI. */
final class EvidenceFixture {
    private static final ASN1ObjectIdentifier FABRIC_ATTRIBUTES = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");

    /** What one gbx invocation printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private EvidenceFixture() {
    }

    /** What a court receives: each channel organisation's CA certificate as {@code <MSPID>.pem}, nothing else. */
    static Path courtCaDirectory(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (Organisation organisation : TestNetwork.config().organisations()) {
            Path ca = organisation.mspPath().resolve("cacerts/ca.pem");
            Files.copy(ca, dir.resolve(organisation.mspId() + ".pem"));
        }
        return dir;
    }

    /** A copy of {@code caDirectory} where {@code mspId} also trusts {@code extraCa} (a test CA posing as a force's). */
    static Path withExtraCa(Path caDirectory, Path copy, String mspId, TestPki.Issued extraCa) throws Exception {
        Files.createDirectories(copy);
        try (var files = Files.list(caDirectory)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Files.writeString(copy.resolve(mspId + ".pem"), pem(extraCa.certificate()), StandardCharsets.US_ASCII,
                java.nio.file.StandardOpenOption.APPEND);
        return copy;
    }

    /** The same bundle with the statement signed by someone else. */
    static byte[] resigned(EvidenceBundle bundle, ManifestSigner signer) {
        return new EvidenceBundle(bundle.statement(), signer.sign(bundle.statement().canonicalBytes()),
                bundle.deliveryBlock(), bundle.endorsementTxId(), bundle.endorsementBlock()).toBytes();
    }

    /** An enrolment-like certificate of {@code ca} with {@code gbx.role} and the given validity. */
    static TestPki.Issued officer(TestPki.Issued ca, String role, Instant notBefore, Instant notAfter) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        var builder = new JcaX509v3CertificateBuilder(ca.certificate(), BigInteger.valueOf(System.nanoTime()),
                Date.from(notBefore), Date.from(notAfter), new X500Name("CN=approver9,OU=client,O=gbx test"),
                keys.getPublic());
        builder.addExtension(FABRIC_ATTRIBUTES, false,
                ("{\"attrs\":{\"gbx.role\":\"" + role + "\"}}").getBytes(StandardCharsets.UTF_8));
        var certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
        return new TestPki.Issued(keys.getPrivate(), certificate);
    }

    /** {@code gbx ARGS} in English on the network of the test config. */
    static Run gbx(String... args) {
        return gbx(TestNetwork.configPath(), args);
    }

    /** {@code gbx ARGS} with the connection config {@code config} (naming the test's exchange nodes). */
    static Run gbx(java.nio.file.Path config, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--lang", "en"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Gbx.run(all.toArray(String[]::new), Map.of("GBX_CONFIG", config.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String pem(java.security.cert.X509Certificate certificate) throws Exception {
        var text = new java.io.StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        }
        return text.toString();
    }
}
