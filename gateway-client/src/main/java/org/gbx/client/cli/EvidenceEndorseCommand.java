package org.gbx.client.cli;

import org.gbx.client.evidence.Endorser;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Endorsement;
import picocli.CommandLine.Command;

/**
 * {@code gbx evidence endorse REQ --record ID}: the owner's approver signs the record it delivered,
 * read from the package its own outbox keeps, and records the endorsement on the ledger.
 */
@Command(name = "endorse")
final class EvidenceEndorseCommand extends EvidenceRecordCommand {

    @Override
    void execute(CliSession session) {
        checkIds();
        var home = records.home(session, gbx());
        Submitted<Endorsement> endorsed = new Endorser(session.ledger(), home.outbox(),
                session.connection().identity()).endorse(requestId, recordId);
        EvidenceOutput.endorsement(session, "done.evidence.endorse", endorsed, recordId);
    }
}
