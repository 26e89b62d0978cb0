package org.gbx.client.cli;

import java.time.Duration;
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

    /** The ledger's clock allowance (60 s) and a minute for the approval to reach it. */
    static final Duration SPAN_MARGIN = Duration.ofMinutes(2);

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
        // Spans count from a little before now: the ledger measures the retention from the earliest time
        // the proposal may carry (a minute early), so "30d" still fits a 30-day retention when it arrives.
        Instant spansFrom = now.minus(SPAN_MARGIN);
        Instant expiresAt = TimeInput.parse(expires, session.time().zone(), spansFrom);
        Instant destroyAt = TimeInput.parse(destroyBy, session.time().zone(), spansFrom);
        ExchangeLedger ledger = session.ledger();
        LocalChecks.grant(ledger.getRequest(requestId), categories, expiresAt, destroyAt, now, session.time());
        GrantTerms grant = new GrantTerms(categories, expiresAt, destroyAt, maxAccesses, conditions);
        SubmittedRequestPrinter.print(session, ledger.approveRequest(requestId, grant));
    }
}
