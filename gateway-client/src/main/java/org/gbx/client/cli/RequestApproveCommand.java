package org.gbx.client.cli;

import java.time.Instant;
import java.util.List;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.GrantTerms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gbx request approve ID}: the target force's approver grants all or part of a request. */
@Command(name = "approve")
final class RequestApproveCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--categories", required = true, split = ",", paramLabel = "CATEGORY",
            descriptionKey = "option.grantCategories")
    List<DataCategory> categories;

    @Option(names = "--expires", required = true, paramLabel = "TIME", descriptionKey = "option.expires")
    String expires;

    @Option(names = "--destroy-by", required = true, paramLabel = "TIME", descriptionKey = "option.destroyBy")
    String destroyBy;

    @Option(names = "--max-accesses", paramLabel = "N", descriptionKey = "option.maxAccesses")
    int maxAccesses = 5;

    @Option(names = "--conditions", paramLabel = "TEXT", descriptionKey = "option.conditions")
    String conditions;

    @Override
    void execute(CliSession session) {
        LocalChecks.requestId(requestId);
        LocalChecks.range("--max-accesses", maxAccesses, 1, LocalChecks.MAX_ACCESSES);
        LocalChecks.text("--conditions", conditions, LocalChecks.MAX_NOTE, false);
        Instant now = Instant.now();
        Instant expiresAt = TimeInput.parse(expires, session.time().zone(), now);
        Instant destroyAt = TimeInput.parse(destroyBy, session.time().zone(), now);
        ExchangeLedger ledger = session.ledger();
        LocalChecks.grant(ledger.getRequest(requestId), categories, expiresAt, destroyAt, now, session.time());
        GrantTerms grant = new GrantTerms(categories, expiresAt, destroyAt, maxAccesses, conditions);
        SubmittedRequestPrinter.print(session, ledger.approveRequest(requestId, grant));
    }
}
