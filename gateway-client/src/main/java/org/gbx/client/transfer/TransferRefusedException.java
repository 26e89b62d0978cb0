package org.gbx.client.transfer;

/** The sending node refused a fetch; the reason travels to the receiver as the gRPC status. */
public final class TransferRefusedException extends RuntimeException {

    /** Why a fetch was refused. */
    public enum Reason {
        /** The caller's force is not the request's requester. */
        NOT_THE_REQUESTER,
        /** No delivered package for this request (not yet built, withdrawn, or destroyed). */
        NO_PACKAGE
    }

    private final Reason reason;

    public TransferRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
