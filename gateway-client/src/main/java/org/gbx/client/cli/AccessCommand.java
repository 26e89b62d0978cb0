package org.gbx.client.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.records.ReceivedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gbx access ID --justification TEXT}: records one use of received data on the ledger and,
 * only once the ledger accepted it, shows the received records from this force's own store.
 */
@Command(name = "access")
final class AccessCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--justification", required = true, paramLabel = "TEXT", descriptionKey = "option.justification")
    String justification;

    @Mixin
    RecordsOptions records;

    @Override
    void execute(CliSession session) {
        LocalChecks.requestId(requestId);
        LocalChecks.text("--justification", justification, LocalChecks.MAX_NOTE, true);
        Submitted<AccessRecord> submitted = session.ledger().recordAccess(requestId, justification);
        Output output = session.output();
        AccessRecord access = submitted.value();
        ReceivedStore store = new ReceivedStore(records.open(session, (Gbx) spec.root().userObject()));
        store.logAccess(requestId, access.sequence(), access.accessedAt(), access.officer(),
                submitted.receipt().transactionId());
        List<ReceivedStore.StoredRecord> received = store.records(requestId);
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("access", access);
            json.put("transactionId", submitted.receipt().transactionId());
            json.put("blockNumber", submitted.receipt().blockNumber());
            json.put("records", received.stream().map(ReceivedRecordView::json).toList());
            output.json(json);
            return;
        }
        output.line(session.messages().get("done.access", access.sequence(), access.requestId(),
                session.time().format(access.accessedAt()), submitted.receipt().transactionId()));
        if (received.isEmpty()) {
            output.line(session.messages().get("access.nothingHeld", requestId));
        }
        received.forEach(record -> ReceivedRecordView.card(record, session.messages(), session.time()).forEach(output::line));
    }
}
