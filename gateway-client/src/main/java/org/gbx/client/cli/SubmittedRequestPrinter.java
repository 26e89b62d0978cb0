package org.gbx.client.cli;

import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.ExchangeRequest;

/** Prints the outcome of a transaction that changed a request: its new state and where it committed. */
final class SubmittedRequestPrinter {

    private SubmittedRequestPrinter() {
    }

    static void print(CliSession session, Submitted<ExchangeRequest> submitted) {
        Output output = session.output();
        ExchangeRequest request = submitted.value();
        if (output.isJson()) {
            output.submitted("request", request, submitted.receipt());
            return;
        }
        RequestView view = new RequestView(session);
        output.line(session.messages().get("done.request", request.requestId(), view.status(request),
                submitted.receipt().transactionId(), submitted.receipt().blockNumber()));
    }
}
