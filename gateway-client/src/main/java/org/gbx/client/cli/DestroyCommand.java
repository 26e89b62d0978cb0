package org.gbx.client.cli;

import org.gbx.client.model.DestructionMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gbx destroy ID --method METHOD}: the requester attests destruction; private details are purged. */
@Command(name = "destroy")
final class DestroyCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--method", paramLabel = "METHOD", descriptionKey = "option.method")
    DestructionMethod method = DestructionMethod.SECURE_ERASE;

    @Override
    void execute(CliSession session) {
        SubmittedRequestPrinter.print(session, session.ledger().recordDestruction(requestId, method));
    }
}
