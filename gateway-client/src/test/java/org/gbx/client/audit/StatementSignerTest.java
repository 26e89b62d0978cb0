package org.gbx.client.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.gbx.client.config.Organisation;
import org.gbx.client.config.PeerEndpoint;
import org.gbx.client.identity.UserIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementSignerTest {

    @TempDir
    Path temp;

    @Test
    void the_statement_file_is_signed_by_the_auditor_and_any_change_breaks_the_signature() throws Exception {
        UserIdentity auditor = enrolledAuditor();
        VerificationStatement statement = new VerificationStatement(VerificationStatement.TITLE, "gba-exchange",
                "peer", 35, "00".repeat(32), "11".repeat(32), 53, 35, 12, "no difference (12 requests)",
                "not compared", List.of(), List.of(), "INTACT", Instant.parse("2026-03-02T08:00:00Z"), "OversightMSP");

        Path signature = StatementSigner.write(statement, auditor, temp.resolve("statement.json"));
        byte[] json = Files.readAllBytes(temp.resolve("statement.json"));

        assertThat(signature.getFileName().toString()).isEqualTo("statement.json.p7s");
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).contains("\"result\" : \"INTACT\"");
        assertThat(verifies(json, Files.readAllBytes(signature), auditor.certificate())).isTrue();
        json[json.length / 2] ^= 0x01;
        assertThat(verifies(json, Files.readAllBytes(signature), auditor.certificate())).isFalse();
    }

    private static boolean verifies(byte[] content, byte[] signature, X509Certificate expectedSigner) throws Exception {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder embedded = (X509CertificateHolder) signed.getCertificates().getMatches(signer.getSID())
                .iterator().next();
        assertThat(embedded.getEncoded()).isEqualTo(expectedSigner.getEncoded());
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(embedded));
        } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
            return false;
        }
    }

    /** An auditor's MSP folder as fabric-ca-client writes it, with a fresh P-256 key. */
    private UserIdentity enrolledAuditor() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=auditor1,OU=client");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, new Date(), new Date(System.currentTimeMillis() + 86_400_000L), name,
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        Path msp = temp.resolve("users/auditor1/msp");
        Files.createDirectories(msp.resolve("signcerts"));
        Files.createDirectories(msp.resolve("keystore"));
        Files.writeString(msp.resolve("signcerts/cert.pem"), pem(certificate));
        Files.writeString(msp.resolve("keystore/key.pem"), pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                keys.getPrivate(), null)));
        Organisation oversight = new Organisation("oversight", "OversightMSP", "Oversight committee",
                new PeerEndpoint("127.0.0.1:9051", temp.resolve("tls.pem")), temp.resolve("users"));
        return UserIdentity.load(oversight, "auditor1");
    }

    private static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
