package org.gbx.client.lookup.oprf;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The holder's side of RFC 9497: evaluates blinded elements with its secret key (and proves it did,
 * in VOPRF mode), and computes the PRF of its own identifiers directly (Evaluate), which is how it
 * prepares the set it sends.
 */
public final class OprfServer {

    private final OprfMode mode;
    private final OprfKeyPair key;
    private final SecureRandom random;

    public OprfServer(OprfMode mode, OprfKeyPair key, SecureRandom random) {
        this.mode = mode;
        this.key = key;
        this.random = random;
    }

    /** BlindEvaluate: skS·blindedElement, with a proof in VOPRF mode (null in OPRF mode). */
    public BlindEvaluation blindEvaluate(ECPoint blindedElement) {
        return mode == OprfMode.VOPRF
                ? blindEvaluate(blindedElement, P256Group.randomScalar(random))
                : new BlindEvaluation(blindedElement.multiply(key.secretKey()).normalize(), null);
    }

    /** BlindEvaluate with the proof's random scalar given, as the RFC's test vectors do. */
    BlindEvaluation blindEvaluate(ECPoint blindedElement, BigInteger proofRandomScalar) {
        ECPoint evaluated = blindedElement.multiply(key.secretKey()).normalize();
        DleqProof proof = new Dleq(mode).prove(key.secretKey(), P256Group.GENERATOR, key.publicKey(),
                List.of(blindedElement), List.of(evaluated), proofRandomScalar);
        return new BlindEvaluation(evaluated, proof);
    }

    /** Evaluate: the PRF output for an input the holder knows itself (its own records). */
    public byte[] evaluate(byte[] input) {
        ECPoint evaluated = P256Group.hashToGroup(input, mode.hashToGroupDst()).multiply(key.secretKey());
        return Transcript.finalizeHash(input, P256Group.serializeElement(evaluated));
    }
}
