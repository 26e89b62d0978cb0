package org.gbx.client.cli;

import org.gbx.client.evidence.EndorsementAsker;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Endorsement;
import org.gbx.client.records.ReceivedStore;
import picocli.CommandLine.Command;

/** {@code gbx evidence request REQ --record ID}: the requester's liaison asks the owner to endorse a received record. */
@Command(name = "request")
final class EvidenceRequestCommand extends EvidenceRecordCommand {

    @Override
    void execute(CliSession session) {
        checkIds();
        ReceivedStore store = new ReceivedStore(records.open(session, gbx()));
        Submitted<Endorsement> asked = new EndorsementAsker(session.ledger(), store).ask(requestId, recordId);
        EvidenceOutput.endorsement(session, "done.evidence.request", asked, recordId);
    }
}
