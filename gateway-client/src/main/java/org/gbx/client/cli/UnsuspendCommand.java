package org.gbx.client.cli;

import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Suspension;
import picocli.CommandLine.Command;

/** {@code gbx unsuspend ORG --reason TEXT}: the committee lifts a force's freeze. */
@Command(name = "unsuspend")
final class UnsuspendCommand extends SuspensionCommand {

    @Override
    Submitted<Suspension> change(ExchangeLedger ledger, String mspId, String reason) {
        return ledger.unsuspendOrg(mspId, reason);
    }
}
