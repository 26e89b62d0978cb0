package org.gbx.client.lookup.oprf;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A holder's key: the secret scalar skS, which never leaves the holder's node, and pkS = skS·G,
 * which it commits on the ledger. {@link #toString()} never shows the secret.
 */
public final class OprfKeyPair {

    private final BigInteger secretKey;
    private final ECPoint publicKey;

    private OprfKeyPair(BigInteger secretKey) {
        this.secretKey = secretKey;
        this.publicKey = P256Group.multiplyGenerator(secretKey).normalize();
    }

    /** GenerateKeyPair (RFC 9497 §3.2). */
    public static OprfKeyPair generate(SecureRandom random) {
        return new OprfKeyPair(P256Group.randomScalar(random));
    }

    /** DeriveKeyPair (RFC 9497 §3.2.1): deterministic from a secret 32-byte seed and public info. */
    public static OprfKeyPair derive(OprfMode mode, byte[] seed, byte[] info) {
        byte[] deriveInput = new Transcript().raw(seed).lengthPrefixed(info).bytes();
        byte[] withCounter = Arrays.copyOf(deriveInput, deriveInput.length + 1);
        for (int counter = 0; counter <= 255; counter++) {
            withCounter[deriveInput.length] = (byte) counter;
            BigInteger candidate = P256Group.hashToScalar(withCounter, mode.deriveKeyPairDst());
            if (candidate.signum() != 0) {
                return new OprfKeyPair(candidate);
            }
        }
        throw new IllegalStateException("DeriveKeyPairError: no non-zero scalar in 256 attempts");
    }

    /** Restores a key from {@link #secretKeyBytes()}, as the holder's node keeps it on disk. */
    public static OprfKeyPair fromSecretKey(byte[] secretKey) {
        BigInteger scalar = P256Group.deserializeScalar(secretKey, 0);
        if (scalar.signum() == 0 || secretKey.length != P256Group.SCALAR_BYTES) {
            throw new OprfException(OprfException.Reason.INVALID_SCALAR, "a secret key is a non-zero 32-byte scalar");
        }
        return new OprfKeyPair(scalar);
    }

    BigInteger secretKey() {
        return secretKey;
    }

    public ECPoint publicKey() {
        return publicKey;
    }

    public byte[] publicKeyBytes() {
        return P256Group.serializeElement(publicKey);
    }

    public byte[] secretKeyBytes() {
        return P256Group.serializeScalar(secretKey);
    }

    @Override
    public String toString() {
        return "OprfKeyPair[publicKey=" + org.bouncycastle.util.encoders.Hex.toHexString(publicKeyBytes()) + "]";
    }
}
