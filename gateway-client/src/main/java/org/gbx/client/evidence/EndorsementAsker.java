package org.gbx.client.evidence;

import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Endorsement;
import org.gbx.client.records.ReceivedStore;

/** The requesting force asks for an endorsement of a record it received, named on the ledger only by its leaf hash. */
public final class EndorsementAsker {
    private final ExchangeLedger ledger;
    private final ReceivedStore received;

    public EndorsementAsker(ExchangeLedger ledger, ReceivedStore received) {
        this.ledger = ledger;
        this.received = received;
    }

    public Submitted<Endorsement> ask(String requestId, String recordId) {
        return ledger.requestEndorsement(requestId, EvidenceStatement.leafHashOf(receivedRecord(received, requestId,
                recordId)));
    }

    /** The canonical bytes of a received record, as the package delivered them. */
    static String receivedRecord(ReceivedStore received, String requestId, String recordId) {
        return received.records(requestId).stream()
                .filter(record -> record.recordId().equals(recordId))
                .map(ReceivedStore.StoredRecord::canonicalJson)
                .findFirst()
                .orElseThrow(() -> new EvidenceException(EvidenceException.Reason.RECORD_NOT_HELD, recordId, requestId));
    }
}
