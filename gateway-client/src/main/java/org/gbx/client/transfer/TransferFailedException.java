package org.gbx.client.transfer;

/**
 * A package could not be fetched: the sending node refused, or stayed unreachable through every
 * retry. Nothing was stored; verified entries stay in the spool for the next attempt.
 */
public final class TransferFailedException extends RuntimeException {

    private final boolean retryLater;

    public TransferFailedException(String message, boolean retryLater, Throwable cause) {
        super(message, cause);
        this.retryLater = retryLater;
    }

    /** True when trying again later may succeed (the sender was unreachable, not refusing). */
    public boolean retryLater() {
        return retryLater;
    }
}
