package org.gbx.client.cli;

import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.ExchangeRequest;
import picocli.CommandLine.Command;

/** {@code gbx request revoke ID --reason TEXT}: the target force's approver withdraws a grant. */
@Command(name = "revoke")
final class RequestRevokeCommand extends ReasonedDecisionCommand {

    @Override
    Submitted<ExchangeRequest> decide(ExchangeLedger ledger, String requestId, String reason) {
        return ledger.revokeGrant(requestId, reason);
    }
}
