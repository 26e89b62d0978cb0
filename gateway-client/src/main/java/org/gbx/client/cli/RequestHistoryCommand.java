package org.gbx.client.cli;

import java.util.List;
import org.gbx.client.model.HistoryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gbx request history ID}: every committed version of a request, oldest first. */
@Command(name = "history")
final class RequestHistoryCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Override
    void execute(CliSession session) {
        List<HistoryEntry> history = session.ledger().getHistory(requestId);
        Output output = session.output();
        if (output.isJson()) {
            output.json(history);
            return;
        }
        Messages messages = session.messages();
        RequestView view = new RequestView(session);
        TimeDisplay time = session.time();
        output.table(
                List.of(messages.get("field.time"), messages.get("field.status"), messages.get("field.transaction")),
                history.stream().map(entry -> List.of(time.format(entry.timestamp()),
                        entry.record() == null ? messages.get("value.deleted") : view.status(entry.record()),
                        entry.txId())).toList());
    }
}
