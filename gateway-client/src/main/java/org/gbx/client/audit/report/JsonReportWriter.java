package org.gbx.client.audit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/** The report as one JSON document, instants as ISO-8601 UTC strings, for the committee's own tools. */
final class JsonReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {
    }

    static void write(AuditReport report, Writer out) throws IOException {
        JSON.writeValue(new NonClosingWriter(out), report);
        out.write('\n');
    }

    /** Jackson closes what it writes to; the caller owns the writer. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
