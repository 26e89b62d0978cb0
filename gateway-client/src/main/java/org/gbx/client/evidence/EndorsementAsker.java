package org.gbx.client.evidence;

import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Endorsement;

/** The requesting force asks for an endorsement of a record it received, named on the ledger only by its leaf hash. */
public final class EndorsementAsker {
    private final ExchangeLedger ledger;
    private final ReceivedRecordSource received;

    public EndorsementAsker(ExchangeLedger ledger, ReceivedRecordSource received) {
        this.ledger = ledger;
        this.received = received;
    }

    public Submitted<Endorsement> ask(String requestId, String recordId) {
        return ledger.requestEndorsement(requestId, EvidenceStatement.leafHashOf(received.record(requestId, recordId)));
    }
}
