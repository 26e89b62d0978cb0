package org.gbx.client.audit.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/** The formats {@code gbx audit report --format} writes. */
public enum ReportFormat {
    /** For people: in the reader's language and zone, with the auditor's signature when there is one. */
    HTML {
        @Override
        public void write(AuditReport report, ReportText text, Optional<ReportSeal> seal, Writer out)
                throws IOException {
            new HtmlReportWriter(report, text, seal).write(out);
        }
    },
    CSV {
        @Override
        public void write(AuditReport report, ReportText text, Optional<ReportSeal> seal, Writer out)
                throws IOException {
            new CsvReportWriter().write(report, out);
        }
    },
    JSON {
        @Override
        public void write(AuditReport report, ReportText text, Optional<ReportSeal> seal, Writer out)
                throws IOException {
            JsonReportWriter.write(report, out);
        }
    };

    /** Writes the report; {@code text} and {@code seal} matter only to the formats made for reading. */
    public abstract void write(AuditReport report, ReportText text, Optional<ReportSeal> seal, Writer out)
            throws IOException;
}
