package org.gbx.client.cli;

import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.DestructionMethod;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Status;
import org.gbx.client.records.ReceivedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gbx destroy ID --method METHOD}: deletes the received data from this force's store, then
 * attests the destruction on the ledger (which purges the private details). Repeating it after the
 * ledger recorded the destruction changes nothing and says so.
 */
@Command(name = "destroy")
final class DestroyCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--method", paramLabel = "METHOD", descriptionKey = "option.method")
    DestructionMethod method = DestructionMethod.SECURE_ERASE;

    @Mixin
    RecordsOptions records;

    @Override
    void execute(CliSession session) {
        LocalChecks.requestId(requestId);
        ExchangeLedger ledger = session.ledger();
        ExchangeRequest request = ledger.getRequest(requestId);
        boolean deleted = new ReceivedStore(records.open(session, (Gbx) spec.root().userObject())).destroy(requestId);
        if (request.status() == Status.DESTROYED) {
            session.output().line(session.messages().get("destroy.alreadyDone", requestId,
                    session.time().format(request.destruction().destroyedAt())));
            return;
        }
        if (!session.output().isJson()) {
            session.output().line(session.messages().get(deleted ? "destroy.deleted" : "destroy.nothingHeld", requestId));
        }
        SubmittedRequestPrinter.print(session, ledger.recordDestruction(requestId, method));
    }
}
