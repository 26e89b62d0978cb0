package org.gbx.client.lookup.oprf;

import org.bouncycastle.math.ec.ECPoint;

/** The holder's answer to one blinded element: skS times it, with the DLEQ proof (VOPRF mode). */
public record BlindEvaluation(ECPoint evaluatedElement, DleqProof proof) {

    public byte[] evaluatedElementBytes() {
        return P256Group.serializeElement(evaluatedElement);
    }
}
