package org.gbx.client.cli;

import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.AccessRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gbx access ID --justification TEXT}: records one use of received data on the ledger and,
 * only once the ledger accepted it, shows the received records from this force's own store.
 */
@Command(name = "access")
final class AccessCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--justification", required = true, paramLabel = "TEXT", descriptionKey = "option.justification")
    String justification;

    @Override
    void execute(CliSession session) {
        Submitted<AccessRecord> submitted = session.ledger().recordAccess(requestId, justification);
        Output output = session.output();
        AccessRecord access = submitted.value();
        if (output.isJson()) {
            output.submitted("access", access, submitted.receipt());
            return;
        }
        output.line(session.messages().get("done.access", access.sequence(), access.requestId(),
                session.time().format(access.accessedAt()), submitted.receipt().transactionId()));
    }
}
