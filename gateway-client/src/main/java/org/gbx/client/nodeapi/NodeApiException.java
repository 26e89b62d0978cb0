package org.gbx.client.nodeapi;

/**
 * The force's exchange node could not be asked, or said no. The message is written for the
 * officer (never holds personal data); {@link #reason()} is for branching.
 */
public final class NodeApiException extends RuntimeException {

    public enum Reason {
        /** The node does not answer at its address (not running, wrong address, or a certificate it refuses). */
        UNREACHABLE,
        /** The officer's role may not ask this. */
        NOT_ALLOWED,
        /** The node holds nothing for this (no key, no package, no record). */
        NOT_HELD,
        /** The node refuses this request in its current state (e.g. the access is not on the ledger). */
        REFUSED,
        /** Malformed input. */
        INVALID,
        /** The node failed (its log says why). */
        FAILED
    }

    private final Reason reason;

    public NodeApiException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public NodeApiException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
