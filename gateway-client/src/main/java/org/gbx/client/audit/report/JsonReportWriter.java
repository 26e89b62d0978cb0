package org.gbx.client.audit.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The report as one JSON document, instants as ISO-8601 UTC strings, for the committee's own
 * tools: the same bytes the auditor signs ({@link ReportSeal#canonical}).
 */
final class JsonReportWriter {

    private JsonReportWriter() {
    }

    static void write(AuditReport report, Writer out) throws IOException {
        out.write(new String(ReportSeal.canonical(report), StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }
}
