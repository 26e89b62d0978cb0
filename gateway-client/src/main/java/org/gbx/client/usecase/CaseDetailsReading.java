package org.gbx.client.usecase;

import org.gbx.client.crypto.DetailsSealing;
import org.gbx.client.crypto.RequestKey;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.nodeapi.NodeApiClient;
import org.gbx.client.nodeapi.NodeApiException;

/**
 * A liaison officer or approver of either force of a request reads its case details: the sealed
 * envelope from their own force's peer (the ledger refuses the committee and any other force), the
 * key from their own force's exchange node, opened here. The key commitment in the envelope proves
 * the node's key is the one the requester sealed with, so the plaintext is the requester's.
 */
public final class CaseDetailsReading {

    private final ExchangeLedger ledger;
    private final NodeApiClient node;

    public CaseDetailsReading(ExchangeLedger ledger, NodeApiClient node) {
        this.ledger = ledger;
        this.node = node;
    }

    /**
     * @throws org.gbx.client.ledger.ChaincodeRefusalException the ledger's refusal (committee, other force, destroyed)
     * @throws NodeApiException the node holds no key (not arrived yet, or destroyed) or does not answer
     */
    public CaseDetails read(String requestId) {
        var sealed = ledger.getPrivateDetails(requestId);
        RequestKey key = node.detailsKey(requestId);
        try {
            return DetailsSealing.open(requestId, sealed, key);
        } finally {
            key.destroy();
        }
    }
}
