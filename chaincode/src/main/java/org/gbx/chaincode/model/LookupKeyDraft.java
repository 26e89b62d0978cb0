package org.gbx.chaincode.model;

import static org.gbx.chaincode.ErrorCode.INVALID_VALUE;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.gbx.chaincode.rules.Input;

/**
 * The {@code keyJson} argument of PublishLookupKey: the holder's OPRF public key for one epoch
 * (a compressed P-256 point, 33 bytes in hex) and the digest and size of the set it prepared
 * under that key. No identifier, no secret.
 */
public record LookupKeyDraft(Integer epoch, String publicKey, String setDigest, Long setSize) {

    public static final int MAX_EPOCH = 999_999;
    public static final long MAX_SET_SIZE = 100_000_000L;
    private static final Pattern COMPRESSED_POINT = Pattern.compile("0[23][0-9a-f]{64}");
    private static final BigInteger P = new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    public LookupKeyDraft {
        Input.inRange("epoch", epoch, 1, MAX_EPOCH);
        if (!COMPRESSED_POINT.matcher(Input.required("publicKey", publicKey)).matches()) {
            throw INVALID_VALUE.refuse("publicKey must be a compressed P-256 point: 66 lower-case hex characters");
        }
        if (!onCurve(new BigInteger(publicKey.substring(2), 16))) {
            throw INVALID_VALUE.refuse("publicKey is not a point of P-256: no y satisfies the curve's equation for its x");
        }
        Input.sha256Hex("setDigest", setDigest);
        Input.inRange("setSize", setSize, 0, MAX_SET_SIZE);
    }

    /**
     * A compressed point names a point of the curve only if its x is a field element whose
     * y² = x³ − 3x + b has a square root (Euler's criterion). An asker blinds its questions against
     * this key; a value off the curve would make every answer meaningless or leak through the
     * holder's invalid-curve arithmetic.
     */
    private static boolean onCurve(BigInteger x) {
        if (x.compareTo(P) >= 0) {
            return false;
        }
        BigInteger ySquared = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P);
        return ySquared.signum() == 0 || ySquared.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    }
}
