package org.gbx.client.ledger;

import java.util.List;

/** The chaincode on an organisation's peer refused the transaction by one of its rules. */
public final class ChaincodeRefusalException extends LedgerException {

    private final String refusingMspId;
    private final ChaincodeError error;
    private final List<PeerRefusal> refusals;

    ChaincodeRefusalException(String transactionName, String refusingMspId, ChaincodeError error,
            List<PeerRefusal> refusals, Throwable cause) {
        super(transactionName, refusingMspId + " refused " + error.code() + ": " + error.message(), cause);
        this.refusingMspId = refusingMspId;
        this.error = error;
        this.refusals = List.copyOf(refusals);
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
