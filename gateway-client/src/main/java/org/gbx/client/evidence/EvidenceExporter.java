package org.gbx.client.evidence;

import java.util.Base64;
import org.gbx.client.audit.chain.PeerBlockSource;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.Endorsement;
import org.gbx.client.model.ExchangeRequest;

/**
 * The requesting force assembles the evidence bundle: the record from its own store, the statement
 * rebuilt from the ledger's endorsement (byte for byte what the owner signed), the owner's signature,
 * and the blocks of the delivery and endorsement transactions from its own peer.
 */
public final class EvidenceExporter {
    private final ExchangeLedger ledger;
    private final ReceivedRecordSource received;
    private final PeerBlockSource blocks;

    public EvidenceExporter(ExchangeLedger ledger, ReceivedRecordSource received, PeerBlockSource blocks) {
        this.ledger = ledger;
        this.received = received;
        this.blocks = blocks;
    }

    public EvidenceBundle export(String requestId, String recordId) {
        String record = received.record(requestId, recordId);
        Endorsement endorsement = ledger.getEndorsement(requestId, EvidenceStatement.leafHashOf(record));
        if (!endorsement.isEndorsed()) {
            throw new EvidenceException(EvidenceException.Reason.NOT_ENDORSED, recordId, requestId);
        }
        ExchangeRequest request = ledger.getRequest(requestId);
        EvidenceStatement statement = new EvidenceStatement(requestId, request.targetOrg(), request.requesterOrg(),
                endorsement.deliveryTxId(), endorsement.packageHash(), endorsement.merkleRoot(),
                endorsement.leafIndex(), endorsement.leafCount(), endorsement.proof(), record);
        return new EvidenceBundle(statement, Base64.getDecoder().decode(endorsement.signature()),
                EvidenceBlock.reduce(blocks.blockOfTransaction(endorsement.deliveryTxId()), endorsement.deliveryTxId()),
                endorsement.endorsementTxId(),
                EvidenceBlock.reduce(blocks.blockOfTransaction(endorsement.endorsementTxId()),
                        endorsement.endorsementTxId()));
    }
}
