package org.gbx.client.audit.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.gbx.client.audit.rules.AuditedRequest;
import org.gbx.client.audit.rules.Finding;

/**
 * The report as one CSV table (RFC 4180) a spreadsheet filters by its first column:
 * {@code finding} rows first, then one {@code event} row per step of each request's timeline.
 */
final class CsvReportWriter {

    static final List<String> HEADER = List.of("section", "request_or_officer", "organisation", "at",
            "status_or_severity", "transaction_or_rule", "transaction_id", "block", "detail");

    void write(AuditReport report, Writer out) throws IOException {
        row(out, HEADER);
        for (Finding finding : report.findings()) {
            row(out, List.of("finding", finding.subject(), finding.organisation(), finding.at().toString(),
                    finding.severity().name(), finding.rule(), "", "", finding.message()));
        }
        for (AuditedRequest request : report.requests()) {
            for (AuditedRequest.TimelineEntry entry : request.timeline()) {
                row(out, List.of("event", request.requestId(), request.direction(), entry.at().toString(),
                        entry.status(), entry.transaction(), entry.transactionId(), Long.toString(entry.block()), ""));
            }
        }
        for (LookupActivity.AuditedLookup lookup : report.lookups().lookups()) {
            row(out, List.of("lookup", lookup.lookupId(), lookup.askerOrg() + " → " + lookup.holderOrg(),
                    lookup.at().toString(), lookup.idType(), lookup.officer(), lookup.transactionId(),
                    Long.toString(lookup.block()), lookup.dailySequence() + "/" + lookup.dailyCap()
                            + (lookup.requestId() == null ? "" : " → request " + lookup.requestId())
                            + "; " + lookup.purpose()));
        }
        out.flush();
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String cell) {
        String value = cell == null ? "" : cell;
        // A leading = + - @ would run as a formula in a spreadsheet; a quote mark neutralises it.
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
