package org.gbx.client.ledger;

import io.grpc.Status;
import java.util.List;

/**
 * Endorsement failed for a reason other than a chaincode rule: no peer combination satisfies the
 * endorsement policy, peers returned different results, or the Gateway refused the proposal.
 */
public final class EndorsementFailedException extends LedgerException {

    private final Status.Code grpcCode;
    private final String gatewayMessage;
    private final List<PeerRefusal> refusals;

    EndorsementFailedException(String transactionName, Status.Code grpcCode, String gatewayMessage,
            List<PeerRefusal> refusals, Throwable cause) {
        super(transactionName, grpcCode + " " + gatewayMessage, cause);
        this.grpcCode = grpcCode;
        this.gatewayMessage = gatewayMessage;
        this.refusals = List.copyOf(refusals);
    }

    public Status.Code grpcCode() {
        return grpcCode;
    }

    public String gatewayMessage() {
        return gatewayMessage;
    }

    public List<PeerRefusal> refusals() {
        return refusals;
    }

    /** The peers endorsed, but answered from different versions of the ledger. */
    public boolean peersDisagree() {
        return CatchUp.isMismatch(this);
    }
}
