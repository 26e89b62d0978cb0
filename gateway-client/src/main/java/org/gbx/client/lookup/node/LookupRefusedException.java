package org.gbx.client.lookup.node;

/** The holder's node will not evaluate this blinded element, and says why (no identifier involved). */
public final class LookupRefusedException extends RuntimeException {

    /** Why, as the asker's side reports it. */
    public enum Reason {
        /** No committed lookup with this id on the holder's peer. */
        NOT_ON_LEDGER,
        /** The lookup names another holder or another asker, or another blinded element. */
        NOT_THE_RECORDED_LOOKUP,
        /** The holder no longer keeps the key the lookup was recorded under. */
        KEY_RETIRED,
        /** Not a valid element of the group. */
        MALFORMED
    }

    private final Reason reason;

    public LookupRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
