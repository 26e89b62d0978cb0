package org.gbx.client.audit.report;

import java.io.IOException;
import java.io.Writer;

/** The formats {@code gbx audit report --format} writes. */
public enum ReportFormat {
    HTML {
        @Override
        public void write(AuditReport report, Writer out) throws IOException {
            new HtmlReportWriter().write(report, out);
        }
    },
    CSV {
        @Override
        public void write(AuditReport report, Writer out) throws IOException {
            new CsvReportWriter().write(report, out);
        }
    },
    JSON {
        @Override
        public void write(AuditReport report, Writer out) throws IOException {
            JsonReportWriter.write(report, out);
        }
    };

    public abstract void write(AuditReport report, Writer out) throws IOException;
}
