package org.gbx.client.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.ExchangeRequest;
import picocli.CommandLine.Command;

/**
 * {@code gbx overdue}: requests unanswered past their due time, grants past expiry, and data not
 * destroyed by its destroy-by date, as of the ledger's time.
 */
@Command(name = "overdue")
final class OverdueCommand extends LedgerCommand {

    /** The three kinds of lateness the ledger can list. */
    enum Kind { ANSWER, GRANT, DESTRUCTION }

    @Override
    void execute(CliSession session) {
        ExchangeLedger ledger = session.ledger();
        Map<Kind, List<ExchangeRequest>> overdue = new LinkedHashMap<>();
        overdue.put(Kind.ANSWER, ledger.listOverdueAnswers());
        overdue.put(Kind.GRANT, ledger.listOverdueGrants());
        overdue.put(Kind.DESTRUCTION, ledger.listOverdueDestructions());
        Output output = session.output();
        if (output.isJson()) {
            output.json(overdue);
            return;
        }
        Messages messages = session.messages();
        RequestView view = new RequestView(session);
        TimeDisplay time = session.time();
        List<List<String>> rows = new ArrayList<>();
        overdue.forEach((kind, requests) -> requests.forEach(request -> rows.add(List.of(
                messages.vocabulary().of(kind), request.requestId(), view.status(request),
                session.organisations().displayName(request.requesterOrg()),
                session.organisations().displayName(request.targetOrg()),
                time.format(dueAt(kind, request))))));
        output.table(List.of(messages.get("field.overdue"), messages.get("field.requestId"),
                messages.get("field.status"), messages.get("field.requester"), messages.get("field.target"),
                messages.get("field.dueAt")), rows);
        output.line(messages.get("done.listed", rows.size()));
    }

    private static java.time.Instant dueAt(Kind kind, ExchangeRequest request) {
        return switch (kind) {
            case ANSWER -> request.answerDueAt();
            case GRANT -> request.grant().expiresAt();
            case DESTRUCTION -> request.grant().destroyBy();
        };
    }
}
