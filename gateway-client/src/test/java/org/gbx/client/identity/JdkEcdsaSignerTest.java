package org.gbx.client.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;

class JdkEcdsaSignerTest {

    @Test
    void every_signature_verifies_and_has_the_low_s_fabric_requires() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        BigInteger halfOrder = ((ECPrivateKey) pair.getPrivate()).getParams().getOrder().shiftRight(1);
        JdkEcdsaSigner signer = new JdkEcdsaSigner(pair.getPrivate());
        int highSFromTheJdk = 0;
        for (int i = 0; i < 200; i++) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("proposal " + i).getBytes());
            byte[] signature = signer.sign(digest);

            Signature verifier = Signature.getInstance("NONEwithECDSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(digest);
            assertThat(verifier.verify(signature)).as("signature %d verifies", i).isTrue();
            BigInteger s = ASN1Integer.getInstance(ASN1Sequence.getInstance(signature).getObjectAt(1)).getValue();
            assertThat(s).as("S of signature %d", i).isLessThanOrEqualTo(halfOrder);

            Signature raw = Signature.getInstance("NONEwithECDSA");
            raw.initSign(pair.getPrivate());
            raw.update(digest);
            BigInteger rawS = ASN1Integer.getInstance(ASN1Sequence.getInstance(raw.sign()).getObjectAt(1)).getValue();
            highSFromTheJdk += rawS.compareTo(halfOrder) > 0 ? 1 : 0;
        }
        // The normalisation is exercised: about half of the JDK's own signatures have a high S.
        assertThat(highSFromTheJdk).isBetween(50, 150);
    }

    @Test
    void refuses_a_key_that_is_not_ec() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThatThrownBy(() -> new JdkEcdsaSigner(rsa.getPrivate())).hasMessageContaining("not an EC private key");
    }
}
