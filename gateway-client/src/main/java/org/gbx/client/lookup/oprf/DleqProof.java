package org.gbx.client.lookup.oprf;

import java.math.BigInteger;
import java.util.Arrays;

/** A DLEQ proof (c, s), serialised as the two 32-byte scalars back to back (RFC 9497 §2.2). */
public record DleqProof(BigInteger c, BigInteger s) {

    public static final int BYTES = 2 * P256Group.SCALAR_BYTES;

    public static DleqProof parse(byte[] bytes) {
        if (bytes == null || bytes.length != BYTES) {
            throw new OprfException(OprfException.Reason.INVALID_SCALAR, "a proof is 64 bytes");
        }
        return new DleqProof(P256Group.deserializeScalar(bytes, 0), P256Group.deserializeScalar(bytes, P256Group.SCALAR_BYTES));
    }

    public byte[] bytes() {
        byte[] out = Arrays.copyOf(P256Group.serializeScalar(c), BYTES);
        System.arraycopy(P256Group.serializeScalar(s), 0, out, P256Group.SCALAR_BYTES, P256Group.SCALAR_BYTES);
        return out;
    }
}
