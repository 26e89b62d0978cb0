package org.gbx.client.ledger;

import io.grpc.Status;

/**
 * The ledger could not be reached or did not answer within the deadline. For a submitted
 * transaction the outcome may be unknown: {@link #transactionId()} lets the caller look it up.
 */
public final class LedgerUnavailableException extends LedgerException {

    /** Which step of the call failed. */
    public enum Step { EVALUATE, ENDORSE, SUBMIT, COMMIT_STATUS, EVENTS }

    private final Step step;
    private final Status.Code grpcCode;
    private final String transactionId;

    LedgerUnavailableException(String transactionName, Step step, Status.Code grpcCode, String transactionId,
            Throwable cause) {
        super(transactionName, step + " " + grpcCode, cause);
        this.step = step;
        this.grpcCode = grpcCode;
        this.transactionId = transactionId;
    }

    public Step step() {
        return step;
    }

    public Status.Code grpcCode() {
        return grpcCode;
    }

    /** The transaction id when the failure came after the proposal was built, else null. */
    public String transactionId() {
        return transactionId;
    }
}
