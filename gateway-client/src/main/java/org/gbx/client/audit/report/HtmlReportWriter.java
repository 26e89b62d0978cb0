package org.gbx.client.audit.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gbx.client.audit.rules.AuditedRequest;
import org.gbx.client.audit.rules.Finding;
import org.gbx.client.audit.rules.Severity;

/**
 * The report as one self-contained HTML page in the reader's language and zone: inline CSS and
 * SVG charts, one small inline script (filters; allowed by its hash) and a content security policy
 * that forbids every fetch, so it opens the same offline, on any machine, years later, and prints
 * in full. A signed report carries the signed JSON and its CMS signature in the page itself.
 * The page is a function of the report, the language, the zone and the seal alone: verification
 * draws it again and compares.
 */
final class HtmlReportWriter {

    static final String CONTENT_ID = "gbx-signed-content";
    static final String SIGNATURE_ID = "gbx-signature";
    static final String ZONE_META = "gbx-zone";

    /**
     * Hides the rows of the findings, requests, forces and officers tables that do not match the
     * filters; filters can also be given in the address ({@code report.html#severity=BREACH&force=MacauPJMSP}),
     * and {@code #open} opens every timeline.
     */
    private static final String SCRIPT = "const sel=[...document.querySelectorAll('select[data-filter]')];"
            + "const apply=()=>{const f=sel.filter(s=>s.value).map(s=>[s.dataset.filter,s.value]);"
            + "document.querySelectorAll('tr[data-force]').forEach(r=>{"
            + "r.hidden=!f.every(([k,v])=>(r.dataset[k]||'').split(' ').includes(v));});};"
            + "const asked=new URLSearchParams(location.hash.slice(1));"
            + "sel.forEach(s=>{if(asked.has(s.dataset.filter))s.value=asked.get(s.dataset.filter);"
            + "s.addEventListener('change',apply);});"
            + "if(asked.has('open'))document.querySelectorAll('details').forEach(d=>d.open=true);"
            + "document.getElementById('filters').hidden=false;apply();"
            + "addEventListener('beforeprint',()=>document.querySelectorAll('details').forEach(d=>d.open=true));";
    private static final String SCRIPT_HASH = sha256(SCRIPT);

    private static final String STYLE = """
            body{font-family:"Noto Sans","Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;margin:16px 24px;color:#222;\
            font-size:14px}
            :lang(zh-Hant) body,body:lang(zh-Hant){font-family:"Noto Sans CJK TC","Noto Sans",sans-serif}
            :lang(zh-Hans) body,body:lang(zh-Hans){font-family:"Noto Sans CJK SC","Noto Sans",sans-serif}
            h1{font-size:1.45em;margin:0 0 .6em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;width:100%;font-size:.92em}
            th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
            th{background:#f2f2f2}td.n{text-align:right}.BREACH{color:#a40000;font-weight:bold}.WARNING{color:#b35900}
            .NOTICE{color:#555}.hash{font-family:monospace;font-size:.88em;word-break:break-all}
            .head{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 24px}
            .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:8px 32px}
            .charts figure{margin:0}.charts svg{width:100%;height:auto}figcaption{font-weight:bold;font-size:.95em}
            .totals span{display:inline-block;margin-right:2em;font-size:1.1em}
            #filters{background:#f7f7f7;padding:6px 10px;border:1px solid #ddd}#filters label{margin-right:1.5em}
            ol.steps{margin:.3em 0;padding-left:1.6em}ol.steps li{margin:.15em 0}.where{color:#666;font-size:.85em}
            .note{color:#1f4f6b}.seal{font-size:.9em}tr[hidden]{display:none}
            @media print{body{margin:0;font-size:11px}#filters{display:none}details>ol{display:block}\
            .charts{grid-template-columns:1fr 1fr}h2{break-after:avoid}tr{break-inside:avoid}}
            """;

    private final AuditReport report;
    private final ReportText text;
    private final Optional<ReportSeal> seal;
    private final Map<String, List<Finding>> findingsBySubject;
    private final StringBuilder html = new StringBuilder();

    HtmlReportWriter(AuditReport report, ReportText text, Optional<ReportSeal> seal) {
        this.report = report;
        this.text = text;
        this.seal = seal;
        this.findingsBySubject = report.findings().stream().collect(Collectors.groupingBy(Finding::subject));
    }

    void write(Writer out) throws IOException {
        out.write(page());
        out.flush();
    }

    String page() {
        String title = text.get("report.title", text.day(report.from()), text.day(report.to()));
        html.append("<!DOCTYPE html><html lang=\"").append(text.languageTag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:; script-src 'sha256-").append(SCRIPT_HASH)
                .append("'\"><meta name=\"viewport\" content=\"width=device-width\"><meta name=\"").append(ZONE_META)
                .append("\" content=\"").append(Html.escape(text.zone().getId())).append("\"><title>")
                .append(Html.escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<h1>").append(Html.escape(title)).append("</h1>");
        header();
        filters();
        charts();
        rules();
        findings();
        forces();
        officers();
        requests();
        lookups(report.lookups());
        // Each block on lines of its own, so a shell extracts it (docs/oversight.md).
        Base64.Encoder lines = Base64.getMimeEncoder(76, new byte[] {'\n'});
        seal.ifPresent(s -> html.append("\n<pre hidden id=\"").append(CONTENT_ID).append("\">\n")
                .append(lines.encodeToString(s.content())).append("\n</pre>\n<pre hidden id=\"")
                .append(SIGNATURE_ID).append("\">\n").append(lines.encodeToString(s.signature()))
                .append("\n</pre>\n"));
        html.append("<script>").append(SCRIPT).append("</script></body></html>\n");
        return html.toString();
    }

    private void header() {
        html.append("<div class=\"head\"><table>");
        row("head.period", Html.escape(text.get("head.periodValue", text.day(report.from()), text.day(report.to()))));
        row("head.zone", Html.escape(text.zone().getId()));
        row("head.asOf", text.time(report.asOf()));
        row("head.generated", text.time(report.generatedAt()));
        html.append("</table><table>");
        row("head.source", Html.escape(report.source()));
        row("head.blocks", Long.toString(report.blockHeight()));
        row("head.headHash", "<span class=\"hash\">" + Html.escape(report.headerHash()) + "</span>");
        row("head.chain", report.chainProblems() == 0 ? Html.escape(text.get("chain.intact"))
                : "<span class=\"BREACH\">" + Html.escape(text.get("chain.problems", report.chainProblems())) + "</span>");
        html.append("</table></div><p class=\"seal\"><b>").append(Html.escape(text.get("head.signature")))
                .append(":</b> ").append(Html.escape(seal.flatMap(ReportSeal::signer)
                        .map(s -> text.get("signature.signed", s.name(), s.organisation(), s.serial()))
                        .orElse(text.get("signature.none")))).append("</p>");
        html.append("<p class=\"totals\">");
        for (Severity severity : Severity.values()) {
            long count = report.findings().stream().filter(f -> f.severity() == severity).count();
            html.append("<span class=\"").append(severity).append("\">")
                    .append(Html.escape(text.get("totals." + severity.name(), count))).append("</span>");
        }
        html.append("<span>").append(Html.escape(text.get("totals.requests", report.requests().size())))
                .append("</span></p>");
    }

    private void row(String labelKey, String valueHtml) {
        html.append("<tr><th>").append(Html.escape(text.get(labelKey))).append("</th><td>").append(valueHtml)
                .append("</td></tr>");
    }

    /** Shown by the script only: without it (printed, or scripts off) every row is there. */
    private void filters() {
        Set<String> forces = new TreeSet<>();
        report.requests().forEach(r -> forces.addAll(List.of(r.requesterOrg(), r.targetOrg())));
        report.findings().forEach(f -> forces.add(f.organisation()));
        Set<String> statuses = new TreeSet<>(report.requests().stream().map(AuditedRequest::status).toList());
        html.append("<form id=\"filters\" hidden><b>").append(Html.escape(text.get("filter.heading"))).append("</b> ");
        select("force", "filter.force", forces, text::organisation);
        select("severity", "filter.severity", Stream.of(Severity.values()).map(Severity::name).toList(),
                code -> text.severity(Severity.valueOf(code)));
        select("status", "filter.status", statuses, text::status);
        html.append("</form>");
    }

    private void select(String name, String labelKey, java.util.Collection<String> codes, Function<String, String> label) {
        html.append("<label>").append(Html.escape(text.get(labelKey))).append(" <select data-filter=\"").append(name)
                .append("\"><option value=\"\">").append(Html.escape(text.get("filter.all"))).append("</option>");
        codes.forEach(code -> html.append("<option value=\"").append(Html.escape(code)).append("\">")
                .append(Html.escape(label.apply(code))).append("</option>"));
        html.append("</select></label>");
    }

    private void charts() {
        List<ChartSeries> charts = new ArrayList<>(report.charts());
        charts.add(1, ReportCharts.stepsPerDay(report.requests(), report.from(), report.to(), text.zone()));
        charts.add(2, ReportCharts.stepsByHour(report.requests(), report.from(), report.to(), text.zone()));
        html.append("<h2>").append(Html.escape(text.get("section.charts"))).append("</h2><div class=\"charts\">");
        for (ChartSeries chart : charts) {
            html.append("<figure><figcaption>").append(Html.escape(text.get("chart." + chart.id())))
                    .append("</figcaption>").append(SvgBarChart.render(chart, text)).append("</figure>");
        }
        html.append("</div>");
    }

    private void rules() {
        html.append("<h2>").append(Html.escape(text.get("section.rules"))).append("</h2><table><tr>");
        headings("col.rule", "col.checks", "col.findings");
        for (AuditReport.RuleSummary rule : report.rules()) {
            html.append("<tr><td class=\"hash\">").append(Html.escape(rule.id())).append("</td><td>")
                    .append(Html.escape(text.rule(rule)))
                    .append("</td><td class=\"n\">").append(rule.findings()).append("</td></tr>");
        }
        html.append("</table>");
    }

    private void findings() {
        html.append("<h2>").append(Html.escape(text.get("section.findings"))).append("</h2>");
        if (report.findings().isEmpty()) {
            html.append("<p>").append(Html.escape(text.get("none.findings"))).append("</p>");
            return;
        }
        Map<String, AuditedRequest> requests = report.requests().stream()
                .collect(Collectors.toMap(AuditedRequest::requestId, r -> r, (a, b) -> a));
        html.append("<table><tr>");
        headings("col.severity", "col.rule", "col.subject", "col.force", "col.at", "col.finding");
        for (Finding finding : report.findings()) {
            Optional<AuditedRequest> request = Optional.ofNullable(requests.get(finding.subject()));
            html.append("<tr data-force=\"").append(Html.escape(request.map(r -> r.requesterOrg() + " " + r.targetOrg())
                            .orElse(finding.organisation()))).append("\" data-severity=\"").append(finding.severity())
                    .append("\" data-status=\"").append(request.map(AuditedRequest::status).orElse(""))
                    .append("\"><td class=\"").append(finding.severity()).append("\">")
                    .append(Html.escape(text.severity(finding.severity()))).append("</td><td class=\"hash\">")
                    .append(Html.escape(finding.rule())).append("</td><td class=\"hash\">")
                    .append(Html.escape(finding.subject())).append("</td><td>")
                    .append(Html.escape(text.organisation(finding.organisation()))).append("</td><td>")
                    .append(text.time(finding.at())).append("</td><td>").append(Html.escape(text.finding(finding)))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    /** Per force: what it asked, what it was asked, and the findings on its side. */
    private void forces() {
        Map<String, long[]> perForce = new TreeMap<>();
        Function<String, long[]> of = msp -> perForce.computeIfAbsent(msp, k -> new long[8]);
        for (AuditedRequest request : report.requests()) {
            long[] requester = of.apply(request.requesterOrg());
            requester[0]++;
            requester[3] += request.accesses().size();
            requester[4] += request.destroyed() ? 1 : 0;
            long[] holder = of.apply(request.targetOrg());
            holder[1]++;
            if (!Set.of("DESTROYED", "REJECTED").contains(request.status())) {
                requester[2]++;
                holder[2]++;
            }
        }
        report.findings().forEach(f -> of.apply(f.organisation())[5 + f.severity().ordinal()]++);
        html.append("<h2>").append(Html.escape(text.get("section.forces"))).append("</h2>");
        if (perForce.isEmpty()) {
            html.append("<p>").append(Html.escape(text.get("none.requests"))).append("</p>");
            return;
        }
        html.append("<table><tr>");
        headings("col.force", "col.asked", "col.askedOf", "col.open", "col.accesses", "col.destroyed", "col.breaches",
                "col.warnings", "col.notices");
        perForce.forEach((msp, counts) -> {
            html.append("<tr data-force=\"").append(Html.escape(msp)).append("\"><td>")
                    .append(Html.escape(text.organisation(msp))).append("</td>");
            for (long count : counts) {
                html.append("<td class=\"n\">").append(count).append("</td>");
            }
            html.append("</tr>");
        });
        html.append("</table>");
    }

    private record OfficerKey(String officer, String force) {
    }

    /** Per officer (by ledger hash): what they did in the period, and the findings about them. */
    private void officers() {
        Map<OfficerKey, long[]> perOfficer = new TreeMap<>(java.util.Comparator.comparing(OfficerKey::force)
                .thenComparing(OfficerKey::officer));
        java.util.function.BiFunction<String, String, long[]> of = (officer, force) ->
                perOfficer.computeIfAbsent(new OfficerKey(officer, force), k -> new long[6]);
        for (AuditedRequest request : report.requests()) {
            of.apply(request.requestingOfficer(), request.requesterOrg())[0]++;
            request.grant().ifPresent(g -> of.apply(g.approvedBy(), request.targetOrg())[1]++);
            request.deliveries().forEach(d -> of.apply(d.deliveredBy(), request.targetOrg())[2]++);
            request.receipts().forEach(r -> of.apply(r.receivedBy(), request.requesterOrg())[3]++);
            request.accesses().forEach(a -> of.apply(a.officer(), request.requesterOrg())[4]++);
        }
        perOfficer.forEach((key, counts) -> counts[5] = findingsBySubject.getOrDefault(key.officer(), List.of()).size());
        html.append("<h2>").append(Html.escape(text.get("section.officers"))).append("</h2><p>")
                .append(Html.escape(text.get("officer.note"))).append("</p>");
        if (perOfficer.isEmpty()) {
            html.append("<p>").append(Html.escape(text.get("none.officers"))).append("</p>");
            return;
        }
        html.append("<table><tr>");
        headings("col.officer", "col.force", "col.createdRequests", "col.approved", "col.delivered", "col.received",
                "col.accessed", "col.findings");
        perOfficer.forEach((key, counts) -> {
            html.append("<tr data-force=\"").append(Html.escape(key.force())).append("\"><td class=\"hash\">")
                    .append(Html.escape(key.officer())).append("</td><td>")
                    .append(Html.escape(text.organisation(key.force()))).append("</td>");
            for (long count : counts) {
                html.append("<td class=\"n\">").append(count).append("</td>");
            }
            html.append("</tr>");
        });
        html.append("</table>");
    }

    private void requests() {
        html.append("<h2>").append(Html.escape(text.get("section.requests"))).append("</h2>");
        if (report.requests().isEmpty()) {
            html.append("<p>").append(Html.escape(text.get("none.requests"))).append("</p>");
            return;
        }
        html.append("<table><tr>");
        headings("col.request", "col.direction", "col.status", "col.created", "col.categories", "col.timeline");
        for (AuditedRequest request : report.requests()) {
            String severities = findingsBySubject.getOrDefault(request.requestId(), List.of()).stream()
                    .map(f -> f.severity().name()).distinct().collect(Collectors.joining(" "));
            html.append("<tr data-force=\"").append(Html.escape(request.requesterOrg() + " " + request.targetOrg()))
                    .append("\" data-severity=\"").append(severities).append("\" data-status=\"")
                    .append(Html.escape(request.status())).append("\"><td class=\"hash\">")
                    .append(Html.escape(request.requestId())).append("</td><td>")
                    .append(Html.escape(text.direction(request.direction()))).append("</td><td>")
                    .append(Html.escape(text.status(request.status()))).append("</td><td>")
                    .append(text.time(request.createdAt())).append("</td><td>")
                    .append(Html.escape(request.grant().map(g -> text.categories(g.categories())).orElse("")))
                    .append("</td><td><details><summary>")
                    .append(Html.escape(text.get("timeline.steps", request.timeline().size())))
                    .append("</summary><ol class=\"steps\">");
            for (AuditedRequest.TimelineEntry step : request.timeline()) {
                html.append("<li>").append(text.time(step.at())).append(' ')
                        .append(Html.escape(text.transaction(step.transaction()))).append(" → ")
                        .append(Html.escape(text.status(step.status())));
                if (!step.officer().isEmpty()) {
                    html.append(", ").append(Html.escape(text.get("timeline.officer", "")))
                            .append("<span class=\"hash\" title=\"").append(Html.escape(step.officer())).append("\">")
                            .append(Html.escape(step.officer().substring(0, Math.min(12, step.officer().length()))))
                            .append("…</span>");
                }
                if (!step.note().isEmpty()) {
                    html.append("<br><span class=\"note\">").append(Html.escape(text.get(
                            step.transaction().equals("RecordAccess") ? "timeline.justification" : "timeline.note",
                            step.note()))).append("</span>");
                }
                html.append(" <span class=\"where\">(").append(Html.escape(text.get("timeline.where",
                        Long.toString(step.block()), step.transactionId()))).append(")</span></li>");
            }
            html.append("</ol></details></td></tr>");
        }
        html.append("</table>");
    }

    private void headings(String... keys) {
        for (String key : keys) {
            html.append("<th>").append(Html.escape(text.get(key))).append("</th>");
        }
        html.append("</tr>");
    }

    private static String sha256(String script) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Hit/no-hit lookups: never an identifier (the ledger has none), only who asked whom, why and how often. */
    private void lookups(LookupActivity activity) {
        if (activity.lookups().isEmpty()) {
            return;
        }
        html.append("<h2>").append(Html.escape(text.get("section.lookups"))).append("</h2>");
        html.append("<p class=\"totals\"><span>").append(Html.escape(text.get("lookups.total", activity.lookups().size())))
                .append("</span><span>").append(Html.escape(text.get("lookups.capsReached", activity.capsReached().size())))
                .append("</span><span>").append(Html.escape(text.get("lookups.ledToRequests", activity.ledToRequests())))
                .append("</span></p>");
        html.append("<h3>").append(Html.escape(text.get("lookups.perOfficer"))).append("</h3><table><tr><th>")
                .append(Html.escape(text.get("col.force"))).append("</th><th>").append(Html.escape(text.get("col.officer")))
                .append("</th><th>").append(Html.escape(text.get("col.lookups"))).append("</th></tr>");
        activity.perOfficer().forEach((force, officers) -> officers.forEach((officer, count) ->
                html.append("<tr><td>").append(Html.escape(text.organisation(force))).append("</td><td class=\"hash\">")
                        .append(Html.escape(officer)).append("</td><td class=\"n\">").append(count).append("</td></tr>")));
        html.append("</table>");
        counts("lookups.perForces", activity.perForces(), text::direction);
        counts("lookups.perPurpose", activity.perPurpose(), purpose -> purpose);
        counts("lookups.perDay", activity.perDay(), java.time.LocalDate::toString);
        if (!activity.capsReached().isEmpty()) {
            html.append("<h3>").append(Html.escape(text.get("lookups.caps"))).append("</h3><ul>");
            activity.capsReached().forEach(cap -> html.append("<li>").append(Html.escape(text.get("lookups.capReached",
                    cap.day().toString(), text.organisation(cap.force())))).append(" <span class=\"hash\">")
                    .append(Html.escape(cap.officer())).append("</span></li>"));
            html.append("</ul>");
        }
        html.append("<h3>").append(Html.escape(text.get("lookups.every"))).append("</h3><table><tr>");
        Stream.of("col.lookup", "col.direction", "col.officer", "col.idType", "col.purpose", "col.at", "col.ofTheDay",
                "col.request").forEach(column -> html.append("<th>").append(Html.escape(text.get(column))).append("</th>"));
        html.append("</tr>");
        for (LookupActivity.AuditedLookup lookup : activity.lookups()) {
            html.append("<tr><td class=\"hash\">").append(Html.escape(lookup.lookupId())).append("</td><td>")
                    .append(Html.escape(text.organisation(lookup.askerOrg()) + " → " + text.organisation(lookup.holderOrg())))
                    .append("</td><td class=\"hash\">").append(Html.escape(lookup.officer())).append("</td><td>")
                    .append(Html.escape(text.find("idType." + lookup.idType()).orElse(lookup.idType()))).append("</td><td>")
                    .append(Html.escape(lookup.purpose())).append("</td><td>").append(text.time(lookup.at()))
                    .append("</td><td>").append(Html.escape(text.get("lookups.ofTheDay", lookup.dailySequence(),
                            lookup.dailyCap()))).append("</td><td class=\"hash\">")
                    .append(lookup.requestId() == null ? "" : Html.escape(lookup.requestId())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private <K> void counts(String titleKey, Map<K, Long> counts, Function<K, String> label) {
        html.append("<h3>").append(Html.escape(text.get(titleKey))).append("</h3><table><tr><th></th><th>")
                .append(Html.escape(text.get("col.lookups"))).append("</th></tr>");
        counts.forEach((key, count) -> html.append("<tr><td>").append(Html.escape(label.apply(key)))
                .append("</td><td class=\"n\">").append(count).append("</td></tr>"));
        html.append("</table>");
    }
}
