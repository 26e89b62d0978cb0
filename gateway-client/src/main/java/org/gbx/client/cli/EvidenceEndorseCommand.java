package org.gbx.client.cli;

import org.gbx.client.evidence.Endorser;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Endorsement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gbx evidence endorse REQ --record ID}: the owner's approver signs the record it delivered,
 * read from the package its own outbox keeps, and records the endorsement on the ledger.
 */
@Command(name = "endorse")
final class EvidenceEndorseCommand extends EvidenceRecordCommand {

    /** The package Zhuhai delivered is read from the node's outbox, a folder of files on the node's host. */
    @Mixin
    RecordsOptions records;

    @Override
    void execute(CliSession session) {
        checkIds();
        var home = records.home(session, gbx());
        Submitted<Endorsement> endorsed = new Endorser(session.ledger(), home.outbox(),
                session.connection().identity()).endorse(requestId, recordId);
        EvidenceOutput.endorsement(session, "done.evidence.endorse", endorsed, recordId);
    }
}
