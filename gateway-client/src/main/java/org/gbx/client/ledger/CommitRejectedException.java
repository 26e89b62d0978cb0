package org.gbx.client.ledger;

/**
 * The transaction was endorsed and ordered but the peers marked it invalid at commit, e.g.
 * {@code MVCC_READ_CONFLICT} after all retries, or {@code ENDORSEMENT_POLICY_FAILURE}.
 */
public final class CommitRejectedException extends LedgerException {

    private final String transactionId;
    private final String validationCode;

    CommitRejectedException(String transactionName, String transactionId, String validationCode) {
        super(transactionName, "transaction " + transactionId + " invalid at commit: " + validationCode, null);
        this.transactionId = transactionId;
        this.validationCode = validationCode;
    }

    public String transactionId() {
        return transactionId;
    }

    /** The peer's {@code TxValidationCode} name. */
    public String validationCode() {
        return validationCode;
    }
}
