package org.gbx.client.cli;

import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Suspension;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The committee's freeze of a force, or its lifting: {@code suspend} and {@code unsuspend}. */
abstract class SuspensionCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ORG", descriptionKey = "param.force")
    String force;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", descriptionKey = "option.reason")
    String reason;

    @Override
    final void execute(CliSession session) {
        String mspId = session.organisations().mspId(force);
        if (!session.organisations().isForce(mspId)) {
            throw new InvalidInputException("input.committeeNotSuspendable", force);
        }
        LocalChecks.text("--reason", reason, LocalChecks.MAX_NOTE, true);
        Submitted<Suspension> submitted = change(session.ledger(), mspId, reason);
        Suspension suspension = submitted.value();
        Output output = session.output();
        if (output.isJson()) {
            output.submitted("suspension", suspension, submitted.receipt());
            return;
        }
        output.line(session.messages().get(suspension.suspended() ? "done.suspended" : "done.unsuspended",
                session.organisations().displayName(suspension.org()), submitted.receipt().transactionId()));
    }

    abstract Submitted<Suspension> change(ExchangeLedger ledger, String mspId, String reason);
}
