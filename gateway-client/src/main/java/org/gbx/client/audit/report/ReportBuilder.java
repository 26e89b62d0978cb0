package org.gbx.client.audit.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gbx.client.audit.ChainVerificationResult;
import org.gbx.client.audit.history.RequestFacts;
import org.gbx.client.audit.rules.AuditRules;
import org.gbx.client.audit.rules.AuditScope;
import org.gbx.client.audit.rules.AuditedRequest;
import org.gbx.client.audit.rules.Finding;

/** Builds the report of a period from a verified ledger. */
public final class ReportBuilder {

    private static final Set<String> CLOSED = Set.of("DESTROYED", "REJECTED");

    private ReportBuilder() {
    }

    public static AuditReport build(ChainVerificationResult ledger, Instant from, Instant to, Instant now) {
        Instant asOf = to.isBefore(now) ? to : now;
        List<AuditedRequest> requests = RequestFacts.asOf(ledger.rebuilt(), asOf).stream()
                .filter(r -> activeIn(r, from))
                .toList();
        return build(requests, LookupActivity.of(ledger.rebuilt(), from, to), from, to, asOf, now, ledger.source(),
                ledger.height(), ledger.lastHeaderHash(), ledger.problems().size());
    }

    /** The report over requests already read, without lookups; used directly by tests. */
    public static AuditReport build(List<AuditedRequest> requests, Instant from, Instant to, Instant asOf,
            Instant now, String source, long height, String headerHash, long chainProblems) {
        return build(requests, LookupActivity.empty(), from, to, asOf, now, source, height, headerHash, chainProblems);
    }

    public static AuditReport build(List<AuditedRequest> requests, LookupActivity lookups, Instant from, Instant to,
            Instant asOf, Instant now, String source, long height, String headerHash, long chainProblems) {
        List<Finding> findings = AuditRules.check(AuditScope.of(requests, asOf));
        List<AuditReport.RuleSummary> rules = AuditRules.all().stream()
                .map(rule -> new AuditReport.RuleSummary(rule.id(), rule.description(),
                        findings.stream().filter(f -> f.rule().equals(rule.id())).count()))
                .toList();
        List<ChartSeries> charts = List.of(ReportCharts.exchangesPerWeek(requests, from, to),
                ReportCharts.pendingByAge(requests, asOf), ReportCharts.overdueDestructions(findings));
        return new AuditReport(now, from, to, asOf, source, height, headerHash, chainProblems, rules, findings,
                requests, charts, lookups);
    }

    /** Created in the period, or still open, or touched in it. */
    private static boolean activeIn(AuditedRequest request, Instant from) {
        return !request.createdAt().isBefore(from) || !CLOSED.contains(request.status())
                || !request.lastActivity().isBefore(from);
    }
}
