package org.gbx.client.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.HistoryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gbx request history ID}: every committed version of a request, oldest first, each with
 * the officer who took the step (their pseudonymous id, as {@code gbx whoami} shows one's own) and
 * what they wrote: the grant's conditions, a reason, an access's justification.
 */
@Command(name = "history")
final class RequestHistoryCommand extends LedgerCommand {

    /** Enough of an officer's hashed id to tell officers apart in a table; --json has all of it. */
    private static final int OFFICER_PREFIX = 12;

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Override
    void execute(CliSession session) {
        LocalChecks.requestId(requestId);
        ExchangeLedger ledger = session.ledger();
        List<HistoryEntry> history = ledger.getHistory(requestId);
        List<AccessRecord> accesses = ledger.listAccesses(requestId);
        Output output = session.output();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("history", history);
            json.put("accesses", accesses);
            output.json(json);
            return;
        }
        Messages messages = session.messages();
        RequestView view = new RequestView(session);
        TimeDisplay time = session.time();
        List<List<String>> rows = new ArrayList<>();
        ExchangeRequest previous = null;
        for (HistoryEntry entry : history) {
            ExchangeRequest record = entry.record();
            if (record == null) {
                rows.add(List.of(time.format(entry.timestamp()), messages.get("value.deleted"), "", "", entry.txId()));
                continue;
            }
            Step step = step(previous, record, accesses, session);
            rows.add(List.of(time.format(entry.timestamp()), view.status(record), shortOfficer(step.officer()),
                    step.note(), entry.txId()));
            previous = record;
        }
        output.table(List.of(messages.get("field.time"), messages.get("field.status"), messages.get("field.officer"),
                messages.get("field.note"), messages.get("field.transaction")), rows);
    }

    /** Who took the step from {@code before} to {@code after}, and what they recorded with it. */
    private record Step(String officer, String note) {
    }

    private static Step step(ExchangeRequest before, ExchangeRequest after, List<AccessRecord> accesses,
            CliSession session) {
        Messages messages = session.messages();
        Vocabulary vocabulary = messages.vocabulary();
        boolean newReceipt = after.receipt() != null && (before == null || !Objects.equals(before.receipt(), after.receipt()));
        return switch (after.status()) {
            case PENDING -> new Step(after.requestingOfficer(), after.purpose());
            case APPROVED, PARTIALLY_APPROVED -> new Step(after.grant().approvedBy(), messages.get("value.grantNote",
                    vocabulary.categories(after.grant().categories()),
                    after.grant().conditions() == null ? messages.get("value.none") : after.grant().conditions()));
            case REJECTED -> new Step(after.rejection().by(), after.rejection().reason());
            case REVOKED -> new Step(after.revocation().by(), after.revocation().reason());
            case NO_MATCH -> new Step(after.noMatch().by(), messages.get("value.noMatchShort"));
            case DELIVERED -> newReceipt
                    ? new Step(after.receipt().receivedBy(), messages.get("value.hashMismatch"))
                    : new Step(after.delivery().deliveredBy(), messages.get("value.deliveryShort",
                            after.delivery().recordCount(), vocabulary.categories(after.delivery().categories())));
            case RECEIVED -> new Step(after.receipt().receivedBy(), messages.get("value.hashMatches"));
            case ACCESSED -> accesses.stream().filter(a -> a.sequence() == after.accessCount()).findFirst()
                    .map(a -> new Step(a.officer(), messages.get("value.accessNote", a.sequence(), a.justification())))
                    .orElse(new Step(null, ""));
            case EXPIRED -> new Step(null, "");
            case DESTROYED -> new Step(after.destruction().attestedBy(), vocabulary.of(after.destruction().method())
                    + (after.destruction().late() ? "  " + messages.get("value.late") : ""));
        };
    }

    private static String shortOfficer(String officer) {
        if (officer == null || officer.isEmpty()) {
            return "—";
        }
        return officer.length() > OFFICER_PREFIX ? officer.substring(0, OFFICER_PREFIX) + "…" : officer;
    }
}
