package org.gbx.client.lookup.oprf;

/**
 * A protocol step of RFC 9497 that must abort: a malformed element or scalar, an input that maps
 * to the identity, or a proof that does not verify. Messages never carry the input.
 */
public final class OprfException extends RuntimeException {

    /** The RFC's error names. */
    public enum Reason {
        /** DeserializeError: not a valid compressed point of P-256, or the identity. */
        INVALID_ELEMENT,
        /** DeserializeError: not a scalar below the group order. */
        INVALID_SCALAR,
        /** InvalidInputError: the input hashes to the identity. */
        INVALID_INPUT,
        /** VerifyError: the DLEQ proof does not show the evaluation used the published key. */
        PROOF_REJECTED
    }

    private final Reason reason;

    OprfException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
