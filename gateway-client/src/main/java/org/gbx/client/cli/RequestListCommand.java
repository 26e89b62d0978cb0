package org.gbx.client.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gbx.client.config.Organisation;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.RequestPage;
import org.gbx.client.model.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gbx request list}: the requests of one force (default: the caller's own; for the
 * committee, every force), following the ledger's pages up to {@code --limit}.
 */
@Command(name = "list")
final class RequestListCommand extends LedgerCommand {

    private static final int PAGE_SIZE = 100;
    private static final int MAX_LIMIT = 100_000;

    @Option(names = "--force", paramLabel = "ORG", descriptionKey = "option.force")
    String force;

    @Option(names = "--status", paramLabel = "STATUS", descriptionKey = "option.status")
    Status status;

    @Option(names = "--limit", paramLabel = "N", descriptionKey = "option.limit")
    int limit = 200;

    @Override
    void execute(CliSession session) {
        LocalChecks.range("--limit", limit, 1, MAX_LIMIT);
        ExchangeLedger ledger = session.ledger();
        Map<String, ExchangeRequest> requests = new LinkedHashMap<>();
        for (String mspId : forces(session)) {
            collect(ledger, mspId, requests);
        }
        List<ExchangeRequest> found = new ArrayList<>(requests.values());
        Output output = session.output();
        if (output.isJson()) {
            output.json(found);
            return;
        }
        RequestView view = new RequestView(session);
        output.table(view.listHeadings(), found.stream().map(view::listRow).toList());
        output.line(session.messages().get("done.listed", found.size()));
    }

    private List<String> forces(CliSession session) {
        if (force != null) {
            return List.of(session.organisations().mspId(force));
        }
        String own = session.ownMspId();
        if (!own.equals(OrganisationNames.COMMITTEE)) {
            return List.of(own);
        }
        return session.config().organisations().stream().map(Organisation::mspId)
                .filter(msp -> !msp.equals(OrganisationNames.COMMITTEE)).toList();
    }

    private void collect(ExchangeLedger ledger, String mspId, Map<String, ExchangeRequest> into) {
        RequestPage page = null;
        do {
            page = ledger.listRequests(mspId, status, PAGE_SIZE, page == null ? "" : page.bookmark());
            for (ExchangeRequest request : page.records()) {
                if (into.size() >= limit) {
                    return;
                }
                into.putIfAbsent(request.requestId(), request);
            }
        } while (page.hasMore());
    }
}
