package org.gbx.client.lookup.oprf;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The asker's side of RFC 9497: blinds an input so the holder never sees it, and finalises the
 * holder's evaluation into the PRF output, verifying first (VOPRF mode) that the holder used the
 * key it committed on the ledger.
 */
public final class OprfClient {

    private final OprfMode mode;
    private final ECPoint holderKey;

    /** @param holderKey pkS from the ledger (VOPRF), or null (OPRF) */
    public OprfClient(OprfMode mode, ECPoint holderKey) {
        if (mode == OprfMode.VOPRF && holderKey == null) {
            throw new IllegalArgumentException("the verifiable mode needs the holder's public key");
        }
        this.mode = mode;
        this.holderKey = holderKey;
    }

    public BlindedInput blind(byte[] input, SecureRandom random) {
        return blind(input, P256Group.randomScalar(random));
    }

    /** Blind with a given blind: the RFC's test vectors fix it. */
    BlindedInput blind(byte[] input, BigInteger blind) {
        ECPoint inputElement = P256Group.hashToGroup(input, mode.hashToGroupDst());
        return new BlindedInput(input, blind, inputElement.multiply(blind).normalize());
    }

    /**
     * Finalize: checks the proof (VOPRF), removes the blind and hashes the result with the input.
     *
     * @throws OprfException {@code PROOF_REJECTED} when the proof does not verify against the key
     */
    public byte[] finalizeEvaluation(BlindedInput blinded, BlindEvaluation evaluation) {
        if (mode == OprfMode.VOPRF && (evaluation.proof() == null || !new Dleq(mode).verify(P256Group.GENERATOR,
                holderKey, List.of(blinded.blindedElement()), List.of(evaluation.evaluatedElement()),
                evaluation.proof()))) {
            throw new OprfException(OprfException.Reason.PROOF_REJECTED,
                    "the holder's proof does not match its published key");
        }
        ECPoint unblinded = evaluation.evaluatedElement().multiply(blinded.blind().modInverse(P256Group.ORDER));
        return Transcript.finalizeHash(blinded.input(), P256Group.serializeElement(unblinded));
    }
}
