package org.gbx.client.cli;

import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.ExchangeRequest;
import picocli.CommandLine.Command;

/** {@code gbx request reject ID --reason TEXT}: the target force's approver refuses a pending request. */
@Command(name = "reject")
final class RequestRejectCommand extends ReasonedDecisionCommand {

    @Override
    Submitted<ExchangeRequest> decide(ExchangeLedger ledger, String requestId, String reason) {
        return ledger.rejectRequest(requestId, reason);
    }
}
