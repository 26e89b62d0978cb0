package org.gbx.client.ledger;

import io.grpc.Status;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/** Turns the Fabric Gateway's exceptions into the typed {@link LedgerException}s, keeping the evidence. */
final class FailureTranslator {

    private static final Set<Status.Code> UNREACHABLE =
            Set.of(Status.Code.DEADLINE_EXCEEDED, Status.Code.UNAVAILABLE, Status.Code.CANCELLED);

    private FailureTranslator() {
    }

    static LedgerException translate(String transactionName, LedgerUnavailableException.Step step,
            String transactionId, GatewayException e) {
        return translate(transactionName, step, transactionId, e.getStatus(), e.getDetails(), e);
    }

    private static LedgerException translate(String transactionName, LedgerUnavailableException.Step step,
            String transactionId, Status status, List<ErrorDetail> details, Exception cause) {
        List<PeerRefusal> refusals = details.stream()
                .map(d -> new PeerRefusal(d.getMspId(), d.getAddress(), d.getMessage()))
                .toList();
        for (PeerRefusal refusal : refusals) {
            Optional<ChaincodeError> error = ChaincodeError.fromPeerMessage(refusal.message());
            if (error.isPresent()) {
                return new ChaincodeRefusalException(transactionName, refusal.mspId(), error.get(), refusals, cause);
            }
        }
        Optional<ChaincodeError> inStatus = ChaincodeError.fromPeerMessage(status.getDescription());
        if (inStatus.isPresent()) {
            return new ChaincodeRefusalException(transactionName, "", inStatus.get(), refusals, cause);
        }
        if (UNREACHABLE.contains(status.getCode())) {
            return new LedgerUnavailableException(transactionName, step, status.getCode(), transactionId, cause);
        }
        return new EndorsementFailedException(transactionName, status.getCode(),
                String.valueOf(status.getDescription()), refusals, cause);
    }
}
