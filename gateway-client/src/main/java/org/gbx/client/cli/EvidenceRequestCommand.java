package org.gbx.client.cli;

import org.gbx.client.evidence.EndorsementAsker;
import org.gbx.client.evidence.ReceivedRecordSource;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Endorsement;
import picocli.CommandLine.Command;

/** {@code gbx evidence request REQ --record ID}: the requester's liaison asks the owner to endorse a received record. */
@Command(name = "request")
final class EvidenceRequestCommand extends EvidenceRecordCommand {

    @Override
    void execute(CliSession session) {
        checkIds();
        Submitted<Endorsement> asked = new EndorsementAsker(session.ledger(), ReceivedRecordSource.of(session.node()))
                .ask(requestId, recordId);
        EvidenceOutput.endorsement(session, "done.evidence.request", asked, recordId);
    }
}
