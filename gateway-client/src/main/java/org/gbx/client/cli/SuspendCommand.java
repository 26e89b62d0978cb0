package org.gbx.client.cli;

import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Suspension;
import picocli.CommandLine.Command;

/** {@code gbx suspend ORG --reason TEXT}: the committee freezes a force's exchanges. */
@Command(name = "suspend")
final class SuspendCommand extends SuspensionCommand {

    @Override
    Submitted<Suspension> change(ExchangeLedger ledger, String mspId, String reason) {
        return ledger.suspendOrg(mspId, reason);
    }
}
