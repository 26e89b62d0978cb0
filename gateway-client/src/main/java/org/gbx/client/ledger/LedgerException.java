package org.gbx.client.ledger;

/**
 * A ledger call that did not succeed. The subclass says which step failed; each keeps the
 * Fabric evidence (transaction id, refusing organisation, chaincode code, validation code).
 */
public abstract sealed class LedgerException extends RuntimeException
        permits ChaincodeRefusalException, EndorsementFailedException, CommitRejectedException,
        LedgerUnavailableException, PeerBehindException {

    private final String transactionName;

    LedgerException(String transactionName, String message, Throwable cause) {
        super(transactionName + ": " + message, cause);
        this.transactionName = transactionName;
    }

    /** The contract transaction that was attempted, e.g. {@code ApproveRequest}. */
    public String transactionName() {
        return transactionName;
    }
}
