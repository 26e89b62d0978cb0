package org.gbx.client.ledger;

import java.util.List;

/** The chaincode on an organisation's peer refused the transaction by one of its rules. */
public final class ChaincodeRefusalException extends LedgerException {

    private final String refusingMspId;
    private final ChaincodeError error;
    private final List<PeerRefusal> refusals;
    private final boolean afterLostRace;

    ChaincodeRefusalException(String transactionName, String refusingMspId, ChaincodeError error,
            List<PeerRefusal> refusals, Throwable cause) {
        this(transactionName, refusingMspId, error, refusals, cause, false);
    }

    private ChaincodeRefusalException(String transactionName, String refusingMspId, ChaincodeError error,
            List<PeerRefusal> refusals, Throwable cause, boolean afterLostRace) {
        super(transactionName, refusingMspId + " refused " + error.code() + ": " + error.message(), cause);
        this.refusingMspId = refusingMspId;
        this.error = error;
        this.refusals = List.copyOf(refusals);
        this.afterLostRace = afterLostRace;
    }

    /** The same refusal, of a retry after an earlier attempt lost a race with another transaction. */
    ChaincodeRefusalException afterLostRace() {
        return new ChaincodeRefusalException(transactionName(), refusingMspId, error, refusals, getCause(), true);
    }

    /**
     * Whether an earlier attempt of this call lost a race (a read conflict at commit) and this
     * refusal is what the request looked like after the winner's change: e.g. the last access of a
     * grant taken by someone else, which the officer should hear as that, not as a failure.
     */
    public boolean isAfterLostRace() {
        return afterLostRace;
    }

    public String refusingMspId() {
        return refusingMspId;
    }

    public String code() {
        return error.code();
    }

    /** The code as this client knows it; empty for a code a newer chaincode added. */
    public java.util.Optional<RefusalCode> refusalCode() {
        return RefusalCode.named(error.code());
    }

    public String reason() {
        return error.message();
    }

    /** Every peer's answer, for diagnosis. */
    public List<PeerRefusal> refusals() {
        return refusals;
    }
}
