package org.gbx.client.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * What one ECDSA P-256 signature costs this client. The Gateway SDK's private-key signer uses
 * Bouncy Castle's {@code NONEwithECDSA} (pure Java); the JDK's SunEC provider has its own
 * implementation. A submitted transaction is signed three times (proposal, transaction,
 * commit-status request), so on two cores the signer's speed bounds the client's rate.
 */
final class SigningCost {

    private static final int WARM_UP = 300;
    private static final int MEASURED = 1500;
    private static final byte[] DIGEST = new byte[32];

    private SigningCost() {
    }

    /** Prints {@code SIGN signer=... us=...} for the SDK signer in use, BC and the JDK. */
    static void report(Signer sdkSigner) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        print("sdk-" + sdkSigner.getClass().getSimpleName(), micros(sdkSigner::sign));
        print("bouncycastle", micros(signer(pair.getPrivate(), new BouncyCastleProvider())));
        print("jdk-" + Signature.getInstance("NONEwithECDSA").getProvider().getName(),
                micros(signer(pair.getPrivate(), null)));
    }

    private static Signer signer(PrivateKey key, Provider provider) throws GeneralSecurityException {
        Signature signature = provider == null ? Signature.getInstance("NONEwithECDSA")
                : Signature.getInstance("NONEwithECDSA", provider);
        return digest -> {
            signature.initSign(key);
            signature.update(digest);
            return signature.sign();
        };
    }

    private static double micros(Signer signer) throws GeneralSecurityException {
        for (int i = 0; i < WARM_UP; i++) {
            signer.sign(DIGEST);
        }
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            signer.sign(DIGEST);
        }
        return (System.nanoTime() - start) / 1e3 / MEASURED;
    }

    private static void print(String name, double micros) {
        System.out.printf(Locale.ROOT, "SIGN signer=%s us=%.0f%n", name, micros);
    }
}
