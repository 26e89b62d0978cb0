package org.gbx.client.cli;

import org.gbx.client.evidence.EndorsementAsker;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Endorsement;
import org.gbx.client.records.ReceivedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gbx evidence request REQ --record ID}: the requester's liaison asks the owner to endorse a received record. */
@Command(name = "request")
final class EvidenceRequestCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "REQ", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--record", required = true, paramLabel = "ID", descriptionKey = "option.record")
    String recordId;

    @Mixin
    RecordsOptions records;

    @Override
    void execute(CliSession session) {
        ReceivedStore store = new ReceivedStore(records.open(session, (Gbx) spec.root().userObject()));
        Submitted<Endorsement> asked = new EndorsementAsker(session.ledger(), store).ask(requestId, recordId);
        EvidenceOutput.endorsement(session, "done.evidence.request", asked, recordId);
    }
}
