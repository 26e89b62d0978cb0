package org.gbx.client.audit.report;

import java.time.Instant;
import java.util.List;
import org.gbx.client.audit.rules.AuditedRequest;
import org.gbx.client.audit.rules.Finding;

/**
 * The committee's report for a period: which ledger it read (source, height, head hash), every
 * request active in the period with its timeline, the rule findings, and the chart data.
 *
 * @param chainProblems what verifying the blocks found (0: the chain is intact); details come from
 *     {@code gbx audit verify-ledger}
 * @param asOf the moment the rules were checked at: the end of the period, or the generation
 *     time if the period has not ended yet
 * @param lookups the hit/no-hit lookups recorded in the period
 */
public record AuditReport(Instant generatedAt, Instant from, Instant to, Instant asOf, String source,
        long blockHeight, String headerHash, long chainProblems, List<RuleSummary> rules, List<Finding> findings,
        List<AuditedRequest> requests, List<ChartSeries> charts, LookupActivity lookups) {

    /** A report without lookups (a period or a ledger that has none). */
    public AuditReport(Instant generatedAt, Instant from, Instant to, Instant asOf, String source, long blockHeight,
            String headerHash, long chainProblems, List<RuleSummary> rules, List<Finding> findings,
            List<AuditedRequest> requests, List<ChartSeries> charts) {
        this(generatedAt, from, to, asOf, source, blockHeight, headerHash, chainProblems, rules, findings, requests,
                charts, LookupActivity.empty());
    }

    public AuditReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        requests = List.copyOf(requests);
        charts = List.copyOf(charts);
    }

    /** One rule, what it checks, and how many findings it gave. */
    public record RuleSummary(String id, String description, long findings) {
    }
}
