package org.gbx.client.lookup.oprf;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The batched discrete-logarithm-equality proof of RFC 9497 §2.2: that k·A = B and k·C[i] = D[i]
 * for every i, without revealing k. In the VOPRF, A is the generator and B the holder's public key,
 * so a verified proof shows that the evaluation used the key the holder committed on the ledger.
 */
final class Dleq {

    private final OprfMode mode;

    Dleq(OprfMode mode) {
        this.mode = mode;
    }

    DleqProof prove(BigInteger k, ECPoint a, ECPoint b, List<ECPoint> c, List<ECPoint> d, SecureRandom random) {
        return prove(k, a, b, c, d, P256Group.randomScalar(random));
    }

    /** GenerateProof with a given r: the RFC's test vectors fix it. */
    DleqProof prove(BigInteger k, ECPoint a, ECPoint b, List<ECPoint> c, List<ECPoint> d, BigInteger r) {
        ECPoint m = composite(b, c, d, false)[0];
        ECPoint z = m.multiply(k);
        ECPoint t2 = times(a, r);
        ECPoint t3 = m.multiply(r);
        BigInteger challenge = challenge(b, m, z, t2, t3);
        return new DleqProof(challenge, r.subtract(challenge.multiply(k)).mod(P256Group.ORDER));
    }

    boolean verify(ECPoint a, ECPoint b, List<ECPoint> c, List<ECPoint> d, DleqProof proof) {
        ECPoint[] mz = composite(b, c, d, true);
        ECPoint t2 = times(a, proof.s()).add(b.multiply(proof.c()));
        ECPoint t3 = mz[0].multiply(proof.s()).add(mz[1].multiply(proof.c()));
        return challenge(b, mz[0], mz[1], t2, t3).equals(proof.c());
    }

    /** With A the generator (always, in the VOPRF), Bouncy Castle's precomputed comb for it. */
    private static ECPoint times(ECPoint a, BigInteger scalar) {
        return a.equals(P256Group.GENERATOR) ? P256Group.multiplyGenerator(scalar) : a.multiply(scalar);
    }

    /** ComputeComposites: M = Σ d_i·C[i] and, for the verifier, Z = Σ d_i·D[i]. */
    private ECPoint[] composite(ECPoint b, List<ECPoint> c, List<ECPoint> d, boolean withZ) {
        if (c.isEmpty() || c.size() != d.size()) {
            throw new IllegalArgumentException("a proof covers one or more pairs of elements");
        }
        byte[] seed = new Transcript().lengthPrefixed(P256Group.serializeElement(b))
                .lengthPrefixed(mode.seedDst()).sha256();
        ECPoint m = P256Group.CURVE.getInfinity();
        ECPoint z = P256Group.CURVE.getInfinity();
        for (int i = 0; i < c.size(); i++) {
            byte[] transcript = new Transcript().lengthPrefixed(seed).i2osp2(i)
                    .lengthPrefixed(P256Group.serializeElement(c.get(i)))
                    .lengthPrefixed(P256Group.serializeElement(d.get(i)))
                    .label("Composite").bytes();
            BigInteger di = P256Group.hashToScalar(transcript, mode.hashToScalarDst());
            m = c.get(i).multiply(di).add(m);
            if (withZ) {
                z = d.get(i).multiply(di).add(z);
            }
        }
        return new ECPoint[] {m, z};
    }

    private BigInteger challenge(ECPoint b, ECPoint m, ECPoint z, ECPoint t2, ECPoint t3) {
        byte[] transcript = new Transcript()
                .lengthPrefixed(P256Group.serializeElement(b))
                .lengthPrefixed(P256Group.serializeElement(m))
                .lengthPrefixed(P256Group.serializeElement(z))
                .lengthPrefixed(P256Group.serializeElement(t2))
                .lengthPrefixed(P256Group.serializeElement(t3))
                .label("Challenge").bytes();
        return P256Group.hashToScalar(transcript, mode.hashToScalarDst());
    }
}
