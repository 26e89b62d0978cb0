package org.gbx.client.audit.report;

import java.io.IOException;
import java.io.Writer;
import org.gbx.client.audit.rules.AuditedRequest;
import org.gbx.client.audit.rules.Finding;
import org.gbx.client.audit.rules.Severity;

/**
 * The report as one self-contained HTML file: inline CSS and SVG charts, no script, and a
 * content security policy that forbids every network fetch, so it opens the same offline, on any
 * machine, years later.
 */
final class HtmlReportWriter {

    private static final String STYLE = """
            body{font-family:sans-serif;margin:2em;color:#222;max-width:1100px}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;width:100%;font-size:.9em}
            th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
            th{background:#f2f2f2}.BREACH{color:#a40000;font-weight:bold}.WARNING{color:#b35900}
            .NOTICE{color:#555}.hash{font-family:monospace;font-size:.85em;word-break:break-all}
            .charts figure{display:inline-block;margin:0 1em 1em 0}figcaption{font-weight:bold}
            .totals span{display:inline-block;margin-right:2em;font-size:1.1em}
            """;

    void write(AuditReport report, Writer out) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>gbx oversight report ").append(report.from()).append(" – ").append(report.to())
                .append("</title><style>").append(STYLE).append("</style></head><body>");
        header(report, html);
        charts(report, html);
        rules(report, html);
        findings(report, html);
        requests(report, html);
        lookups(report.lookups(), html);
        html.append("</body></html>\n");
        out.write(html.toString());
        out.flush();
    }

    private static void header(AuditReport report, StringBuilder html) {
        html.append("<h1>Oversight report: data exchanges ").append(report.from()).append(" to ").append(report.to())
                .append("</h1><table><tr><th>Rules checked as of</th><td>").append(report.asOf())
                .append("</td></tr><tr><th>Generated</th><td>").append(report.generatedAt())
                .append("</td></tr><tr><th>Ledger read from</th><td>").append(Html.escape(report.source()))
                .append("</td></tr><tr><th>Blocks</th><td>").append(report.blockHeight())
                .append("</td></tr><tr><th>Last block header hash</th><td class=\"hash\">")
                .append(Html.escape(report.headerHash())).append("</td></tr><tr><th>Chain verification</th><td>")
                .append(report.chainProblems() == 0 ? "intact: hashes and signatures of every block verified"
                        : "<span class=\"BREACH\">" + report.chainProblems()
                                + " problems: run gbx audit verify-ledger for details</span>")
                .append("</td></tr></table>");
        html.append("<p class=\"totals\">");
        for (Severity severity : Severity.values()) {
            long count = report.findings().stream().filter(f -> f.severity() == severity).count();
            html.append("<span class=\"").append(severity).append("\">").append(count).append(' ')
                    .append(severity.name().toLowerCase()).append(count == 1 ? "" : severity == Severity.BREACH ? "es" : "s")
                    .append("</span>");
        }
        html.append("<span>").append(report.requests().size()).append(" requests</span></p>");
    }

    private static void charts(AuditReport report, StringBuilder html) {
        html.append("<h2>Charts</h2><div class=\"charts\">");
        for (ChartSeries chart : report.charts()) {
            html.append("<figure>").append(SvgBarChart.render(chart)).append("<figcaption>")
                    .append(Html.escape(chart.title())).append("</figcaption></figure>");
        }
        html.append("</div>");
    }

    private static void rules(AuditReport report, StringBuilder html) {
        html.append("<h2>Rules</h2><table><tr><th>Rule</th><th>Checks</th><th>Findings</th></tr>");
        for (AuditReport.RuleSummary rule : report.rules()) {
            html.append("<tr><td>").append(rule.id()).append("</td><td>").append(Html.escape(rule.description()))
                    .append("</td><td>").append(rule.findings()).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void findings(AuditReport report, StringBuilder html) {
        html.append("<h2>Findings</h2>");
        if (report.findings().isEmpty()) {
            html.append("<p>No rule fired in this period.</p>");
            return;
        }
        html.append("<table><tr><th>Severity</th><th>Rule</th><th>Request / officer</th><th>Organisation</th>")
                .append("<th>At</th><th>Finding</th></tr>");
        for (Finding finding : report.findings()) {
            html.append("<tr><td class=\"").append(finding.severity()).append("\">").append(finding.severity())
                    .append("</td><td>").append(finding.rule()).append("</td><td class=\"hash\">")
                    .append(Html.escape(finding.subject())).append("</td><td>").append(Html.escape(finding.organisation()))
                    .append("</td><td>").append(finding.at()).append("</td><td>").append(Html.escape(finding.message()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    /** Hit/no-hit lookups: never an identifier (the ledger has none), only who asked whom, why and how often. */
    private static void lookups(LookupActivity activity, StringBuilder html) {
        html.append("<h2>Lookups (hit/no-hit)</h2>");
        if (activity.lookups().isEmpty()) {
            html.append("<p>No lookup was recorded in this period.</p>");
            return;
        }
        html.append("<p class=\"totals\"><span>").append(activity.lookups().size()).append(" lookups</span><span>")
                .append(activity.capsReached().size()).append(" daily caps reached</span><span>")
                .append(activity.ledToRequests()).append(" led to a request</span></p>");
        counts(html, "Per officer", activity.perOfficer());
        counts(html, "Per pair of forces (asker → holder)", activity.perForces());
        counts(html, "Per purpose", activity.perPurpose());
        counts(html, "Per day (UTC+8)", activity.perDay());
        if (!activity.capsReached().isEmpty()) {
            html.append("<h3>Daily caps reached</h3><ul>");
            activity.capsReached().forEach(cap -> html.append("<li class=\"hash\">").append(Html.escape(cap)).append("</li>"));
            html.append("</ul>");
        }
        html.append("<h3>Every lookup</h3><table><tr><th>Lookup</th><th>Forces</th><th>Officer</th><th>Type</th>")
                .append("<th>Purpose</th><th>At</th><th>Of the day</th><th>Request</th></tr>");
        for (LookupActivity.AuditedLookup lookup : activity.lookups()) {
            html.append("<tr><td class=\"hash\">").append(Html.escape(lookup.lookupId())).append("</td><td>")
                    .append(Html.escape(lookup.askerOrg() + " → " + lookup.holderOrg())).append("</td><td class=\"hash\">")
                    .append(Html.escape(lookup.officer())).append("</td><td>").append(Html.escape(lookup.idType()))
                    .append("</td><td>").append(Html.escape(lookup.purpose())).append("</td><td>").append(lookup.at())
                    .append("</td><td>").append(lookup.dailySequence()).append(" of ").append(lookup.dailyCap())
                    .append("</td><td class=\"hash\">").append(lookup.requestId() == null ? "" : Html.escape(lookup.requestId()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void counts(StringBuilder html, String title, java.util.Map<?, Long> counts) {
        html.append("<h3>").append(Html.escape(title)).append("</h3><table><tr><th></th><th>Lookups</th></tr>");
        counts.forEach((key, count) -> html.append("<tr><td class=\"hash\">").append(Html.escape(String.valueOf(key)))
                .append("</td><td>").append(count).append("</td></tr>"));
        html.append("</table>");
    }

    private static void requests(AuditReport report, StringBuilder html) {
        html.append("<h2>Requests and their timelines</h2>");
        if (report.requests().isEmpty()) {
            html.append("<p>No request was active in this period.</p>");
            return;
        }
        html.append("<table><tr><th>Request</th><th>Direction</th><th>Status</th><th>Created</th><th>Timeline</th></tr>");
        for (AuditedRequest request : report.requests()) {
            html.append("<tr><td class=\"hash\">").append(Html.escape(request.requestId())).append("</td><td>")
                    .append(Html.escape(request.direction())).append("</td><td>").append(request.status())
                    .append("</td><td>").append(request.createdAt()).append("</td><td><details><summary>")
                    .append(request.timeline().size()).append(" steps</summary><ol>");
            for (AuditedRequest.TimelineEntry entry : request.timeline()) {
                html.append("<li>").append(entry.at()).append(' ').append(Html.escape(entry.transaction()))
                        .append(" → ").append(entry.status()).append(" <span class=\"hash\">(block ")
                        .append(entry.block()).append(", tx ").append(Html.escape(entry.transactionId()))
                        .append(")</span></li>");
            }
            html.append("</ol></details></td></tr>");
        }
        html.append("</table>");
    }
}
