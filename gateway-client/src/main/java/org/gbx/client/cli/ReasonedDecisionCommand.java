package org.gbx.client.cli;

import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.ExchangeRequest;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An approver's decision against a request that must give a reason: reject or revoke. */
abstract class ReasonedDecisionCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", descriptionKey = "option.reason")
    String reason;

    @Override
    final void execute(CliSession session) {
        LocalChecks.requestId(requestId);
        LocalChecks.text("--reason", reason, LocalChecks.MAX_NOTE, true);
        SubmittedRequestPrinter.print(session, decide(session.ledger(), requestId, reason));
    }

    abstract Submitted<ExchangeRequest> decide(ExchangeLedger ledger, String requestId, String reason);
}
