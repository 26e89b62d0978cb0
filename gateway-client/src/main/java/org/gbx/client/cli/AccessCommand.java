package org.gbx.client.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.nodeapi.ReceivedRecord;
import org.gbx.client.usecase.ReceivedDataAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gbx access ID --justification TEXT}: records one use of received data on the ledger and,
 * only once the ledger accepted it, shows the received records from the force's exchange node.
 * Everything that can be checked is checked first ({@link ReceivedDataAccess}): a refusal writes
 * nothing and spends no access.
 */
@Command(name = "access")
final class AccessCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--justification", required = true, paramLabel = "TEXT", descriptionKey = "option.justification")
    String justification;

    @Override
    void execute(CliSession session) {
        LocalChecks.requestId(requestId);
        LocalChecks.text("--justification", justification, LocalChecks.MAX_NOTE, true);
        ReceivedDataAccess.Outcome outcome = new ReceivedDataAccess(session.ledger(), session.node())
                .access(requestId, justification);
        Output output = session.output();
        AccessRecord access = outcome.access().value();
        List<ReceivedRecord> records = outcome.records();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("access", access);
            json.put("transactionId", outcome.access().receipt().transactionId());
            json.put("blockNumber", outcome.access().receipt().blockNumber());
            json.put("records", records.stream().map(ReceivedRecordCard::json).toList());
            output.json(json);
            return;
        }
        output.line(session.messages().get("done.access", access.sequence(), access.requestId(),
                session.time().format(access.accessedAt()), outcome.access().receipt().transactionId()));
        ReceivedRecordCard cards = new ReceivedRecordCard(session.messages());
        for (ReceivedRecord record : records) {
            output.line("");
            output.line(cards.heading(record, records.size()));
            output.fields(cards.fields(record));
        }
    }
}
