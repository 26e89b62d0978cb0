package org.gbx.client.cli;

import org.gbx.client.evidence.Endorser;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Endorsement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gbx evidence endorse REQ --record ID}: the owner's approver signs the record it delivered,
 * read from the package its own outbox keeps, and records the endorsement on the ledger.
 */
@Command(name = "endorse")
final class EvidenceEndorseCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "REQ", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--record", required = true, paramLabel = "ID", descriptionKey = "option.record")
    String recordId;

    @Mixin
    RecordsOptions records;

    @Override
    void execute(CliSession session) {
        var home = records.home(session, (Gbx) spec.root().userObject());
        Submitted<Endorsement> endorsed = new Endorser(session.ledger(), home.outbox(),
                session.connection().identity()).endorse(requestId, recordId);
        EvidenceOutput.endorsement(session, "done.evidence.endorse", endorsed, recordId);
    }
}
