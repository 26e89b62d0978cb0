package org.gbx.client.usecase;

import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.DestructionMethod;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Status;
import org.gbx.client.nodeapi.NodeApiClient;
import org.gbx.client.nodeapi.NodeApiException;

/**
 * A liaison officer of the requesting force destroys the received data and attests it: the
 * force's node erases the data first (the attestation must be true), then the ledger records the
 * destruction; on that record both forces' nodes erase every key of the request, which makes the
 * sealed case details on every peer unreadable.
 */
public final class ReceivedDataDestruction {

    /** What was done; {@code attested} is null when the ledger had already recorded the destruction. */
    public record Outcome(ExchangeRequest before, boolean dataDeleted, Submitted<ExchangeRequest> attested) {
    }

    private final ExchangeLedger ledger;
    private final NodeApiClient node;

    public ReceivedDataDestruction(ExchangeLedger ledger, NodeApiClient node) {
        this.ledger = ledger;
        this.node = node;
    }

    /** @throws NotReadyException when the node does not answer (nothing deleted, nothing written) */
    public Outcome destroy(String requestId, DestructionMethod method) {
        ExchangeRequest request = ledger.getRequest(requestId);
        boolean deleted;
        try {
            deleted = node.destroyReceived(requestId);
        } catch (NodeApiException e) {
            if (e.reason() == NodeApiException.Reason.UNREACHABLE) {
                throw new NotReadyException(NotReadyException.Reason.NODE_UNREACHABLE, node.endpoint(), e.getMessage());
            }
            throw e;
        }
        if (request.status() == Status.DESTROYED) {
            return new Outcome(request, deleted, null);
        }
        return new Outcome(request, deleted, ledger.recordDestruction(requestId, method));
    }
}
