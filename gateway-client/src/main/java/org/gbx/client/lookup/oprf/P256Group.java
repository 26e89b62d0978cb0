package org.gbx.client.lookup.oprf;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.hash2curve.HashToCurveProfile;
import org.bouncycastle.crypto.hash2curve.HashToEllipticCurve;
import org.bouncycastle.crypto.hash2curve.OPRFHashToScalar;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * The prime-order group of the suite P256-SHA256 (RFC 9497 §4.3): P-256 on Bouncy Castle's
 * custom curve, hash-to-curve P256_XMD:SHA-256_SSWU_RO_ (RFC 9380), hash-to-scalar as
 * hash_to_field with L = 48 modulo the order, compressed SEC 1 encodings (Ne = 33, Ns = 32).
 */
public final class P256Group {

    public static final int ELEMENT_BYTES = 33;
    public static final int SCALAR_BYTES = 32;

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("P-256");
    static final ECCurve CURVE = P256.getCurve();
    static final BigInteger ORDER = P256.getN();
    static final ECPoint GENERATOR = P256.getG();
    /** Security parameter k of RFC 9380 for P-256 (L = ceil((256 + 128) / 8) = 48). */
    private static final int SECURITY_BITS = 128;
    private static final FixedPointCombMultiplier GENERATOR_MULTIPLIER = new FixedPointCombMultiplier();

    private P256Group() {
    }

    /**
     * Hash-to-curve instances per domain separation tag and thread: making one costs a third of a
     * hash (it sets up the field and the map), and an instance keeps a digest, so it is not shared.
     */
    private static final Map<String, ThreadLocal<HashToEllipticCurve>> HASH_TO_CURVE = new ConcurrentHashMap<>();

    /** HashToGroup with the given domain separation tag; never the identity (probability 2^-256 aside, refused). */
    static ECPoint hashToGroup(byte[] input, String dst) {
        ECPoint point = HASH_TO_CURVE.computeIfAbsent(dst, tag -> ThreadLocal.withInitial(
                () -> HashToEllipticCurve.getInstance(HashToCurveProfile.P256_XMD_SHA_256, tag))).get().hashToCurve(input);
        if (point.isInfinity()) {
            throw new OprfException(OprfException.Reason.INVALID_INPUT, "the input maps to the group identity");
        }
        return CURVE.importPoint(point);
    }

    static BigInteger hashToScalar(byte[] input, byte[] dst) {
        return new OPRFHashToScalar(CURVE, new SHA256Digest(), SECURITY_BITS).process(input, dst);
    }

    /** ScalarMultGen, with Bouncy Castle's precomputed comb for the fixed generator. */
    static ECPoint multiplyGenerator(BigInteger scalar) {
        return GENERATOR_MULTIPLIER.multiply(GENERATOR, scalar);
    }

    /** A uniformly random non-zero scalar (rejection sampling, RFC 9497 §4.7.1). */
    static BigInteger randomScalar(SecureRandom random) {
        while (true) {
            BigInteger candidate = BigIntegers.createRandomBigInteger(ORDER.bitLength(), random);
            if (candidate.signum() > 0 && candidate.compareTo(ORDER) < 0) {
                return candidate;
            }
        }
    }

    public static byte[] serializeElement(ECPoint element) {
        return element.getEncoded(true);
    }

    /** DeserializeElement with the partial public-key validation of SP 800-56A §5.6.2.3.4. */
    public static ECPoint deserializeElement(byte[] bytes) {
        if (bytes == null || bytes.length != ELEMENT_BYTES || (bytes[0] != 0x02 && bytes[0] != 0x03)) {
            throw new OprfException(OprfException.Reason.INVALID_ELEMENT, "not a compressed P-256 point");
        }
        try {
            ECPoint point = CURVE.decodePoint(bytes);
            if (point.isInfinity() || !point.isValid()) {
                throw new OprfException(OprfException.Reason.INVALID_ELEMENT, "not a valid point of P-256");
            }
            return point;
        } catch (IllegalArgumentException e) {
            throw new OprfException(OprfException.Reason.INVALID_ELEMENT, "not a point of P-256");
        }
    }

    static byte[] serializeScalar(BigInteger scalar) {
        return BigIntegers.asUnsignedByteArray(SCALAR_BYTES, scalar);
    }

    static BigInteger deserializeScalar(byte[] bytes, int offset) {
        if (bytes.length - offset < SCALAR_BYTES) {
            throw new OprfException(OprfException.Reason.INVALID_SCALAR, "a scalar is 32 bytes");
        }
        BigInteger scalar = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, offset, offset + SCALAR_BYTES));
        if (scalar.compareTo(ORDER) >= 0) {
            throw new OprfException(OprfException.Reason.INVALID_SCALAR, "the scalar is not below the group order");
        }
        return scalar;
    }
}
