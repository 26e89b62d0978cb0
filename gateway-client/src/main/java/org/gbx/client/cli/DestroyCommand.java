package org.gbx.client.cli;

import org.gbx.client.model.DestructionMethod;
import org.gbx.client.usecase.ReceivedDataDestruction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gbx destroy ID --method METHOD}: the force's exchange node erases the received data, then
 * the destruction is attested on the ledger, on which both forces' nodes erase every key of the
 * request ({@link ReceivedDataDestruction}). Repeating it after the ledger recorded the destruction
 * changes nothing and says so.
 */
@Command(name = "destroy")
final class DestroyCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--method", paramLabel = "METHOD", descriptionKey = "option.method")
    DestructionMethod method = DestructionMethod.SECURE_ERASE;

    @Override
    void execute(CliSession session) {
        LocalChecks.requestId(requestId);
        ReceivedDataDestruction.Outcome outcome = new ReceivedDataDestruction(session.ledger(), session.node())
                .destroy(requestId, method);
        if (outcome.attested() == null) {
            session.output().line(session.messages().get("destroy.alreadyDone", requestId,
                    session.time().format(outcome.before().destruction().destroyedAt())));
            return;
        }
        if (!session.output().isJson()) {
            session.output().line(session.messages().get(outcome.dataDeleted() ? "destroy.deleted"
                    : "destroy.nothingHeld", requestId));
        }
        SubmittedRequestPrinter.print(session, outcome.attested());
    }
}
