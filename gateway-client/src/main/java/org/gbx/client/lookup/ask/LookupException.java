package org.gbx.client.lookup.ask;

/** A lookup that could not give an answer, and at which step; never carries the identifier. */
public final class LookupException extends RuntimeException {

    /** The step that failed. */
    public enum Reason {
        /** The holder has published no lookup key on the ledger. */
        HOLDER_HAS_NO_KEY,
        /** This force has not received the holder's set under its current key (is the exchange node running?). */
        NO_SET,
        /** The holder's node refused to evaluate (the lookup on the ledger does not match). */
        HOLDER_REFUSED,
        /** The holder's node could not be reached. */
        HOLDER_UNREACHABLE,
        /** The holder's evaluation does not verify against its key on the ledger. */
        PROOF_REJECTED
    }

    private final Reason reason;
    private final String lookupId;

    public LookupException(Reason reason, String lookupId, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.lookupId = lookupId;
    }

    public Reason reason() {
        return reason;
    }

    /** The lookup already on the ledger when the failure came after recording it, else null. */
    public String lookupId() {
        return lookupId;
    }
}
