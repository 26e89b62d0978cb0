package org.gbx.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.usecase.CaseDetailsReading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gbx request show ID}: one request's public record; with {@code --details}, also the case
 * details: sealed from the caller's own force's peer, opened with the key from the force's own
 * exchange node (forces only, never the committee).
 */
@Command(name = "show")
final class RequestShowCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.requestId")
    String requestId;

    @Option(names = "--details", descriptionKey = "option.showDetails")
    boolean withDetails;

    @Override
    void execute(CliSession session) {
        LocalChecks.requestId(requestId);
        ExchangeLedger ledger = session.ledger();
        ExchangeRequest request = ledger.getRequest(requestId);
        String details = withDetails ? new CaseDetailsReading(ledger, session.node()).read(requestId).text() : null;
        Output output = session.output();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("request", request);
            if (withDetails) {
                json.put("details", details);
            }
            output.json(json);
            return;
        }
        Map<String, String> fields = new RequestView(session).fields(request);
        if (withDetails) {
            fields.put(session.messages().get("field.details"), details);
        }
        output.fields(fields);
    }
}
