package org.gbx.client.audit.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Timestamps that go back in the ledger's order. A transaction's time is its client's word, which
 * the forces' peers accept only within a minute of their clocks (docs/ledger.md, "Time"); the order
 * of the blocks is the ledger's own. So a step of a request timestamped before a step committed
 * earlier (an access before its receipt, a destruction before the creation, a decision going back)
 * was backdated or forward-dated, and a transaction timestamped well before one committed in an
 * earlier block, of any request, was held back after endorsement or backdated beyond the window.
 * Honest clocks differ by far less than the tolerances below.
 */
public final class TimestampOrderRule implements AuditRule {

    /** How far two steps of one request may go back in time: the forces' clock-sync requirement, with margin. */
    static final Duration STEP_TOLERANCE = Duration.ofSeconds(5);
    /** How far a transaction may be older than one ordered before it: the chaincode's window plus the above. */
    static final Duration LEDGER_TOLERANCE = Duration.ofSeconds(65);

    /** Steps the target force takes; the others are the requester's. */
    private static final Set<String> TARGET_STEPS = Set.of("ApproveRequest", "RejectRequest", "RevokeGrant",
            "RecordDelivery", "ExpireGrant");

    @Override
    public String id() {
        return "timestamp-order";
    }

    @Override
    public String description() {
        return "Transactions timestamped before steps the ledger committed before them: backdated or held back.";
    }

    private record Step(AuditedRequest request, AuditedRequest.TimelineEntry entry) {
        String organisation() {
            return TARGET_STEPS.contains(entry.transaction()) ? request.targetOrg() : request.requesterOrg();
        }
    }

    @Override
    public List<Finding> check(AuditScope scope) {
        List<Finding> findings = new ArrayList<>();
        List<Step> ledger = new ArrayList<>();
        for (AuditedRequest request : scope.requests()) {
            List<Step> steps = steps(request);
            ledger.addAll(steps);
            Step latest = null;
            for (Step step : steps) {
                if (latest != null && step.entry().at().isBefore(latest.entry().at().minus(STEP_TOLERANCE))) {
                    findings.add(finding(step, Severity.WARNING, step.entry().transaction() + " is timestamped "
                            + words(step, latest) + " before " + latest.entry().transaction() + " of the same request, "
                            + "which the ledger committed before it (block " + latest.entry().block() + ")."));
                }
                if (latest == null || step.entry().at().isAfter(latest.entry().at())) {
                    latest = step;
                }
            }
        }
        ledger.sort(Comparator.comparingLong((Step s) -> s.entry().block()));
        Step latest = null;
        for (Step step : ledger) {
            if (latest != null && latest.entry().block() < step.entry().block()
                    && !latest.request().requestId().equals(step.request().requestId())
                    && step.entry().at().isBefore(latest.entry().at().minus(LEDGER_TOLERANCE))) {
                findings.add(finding(step, Severity.WARNING, step.entry().transaction() + " is timestamped "
                        + words(step, latest) + " before a transaction committed in an earlier block (block "
                        + latest.entry().block() + ", request " + latest.request().requestId()
                        + "): it was held back after endorsement or backdated."));
            }
            if (latest == null || step.entry().at().isAfter(latest.entry().at())) {
                latest = step;
            }
        }
        return findings;
    }

    /** The request's steps in the ledger's order, each transaction once (an access writes two records). */
    private static List<Step> steps(AuditedRequest request) {
        List<Step> steps = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        request.timeline().stream().sorted(Comparator.comparingLong(AuditedRequest.TimelineEntry::block))
                .forEach(entry -> {
                    if (!seen.contains(entry.transactionId())) {
                        seen.add(entry.transactionId());
                        steps.add(new Step(request, entry));
                    }
                });
        return steps;
    }

    private static String words(Step step, Step before) {
        Duration gap = Duration.between(step.entry().at(), before.entry().at());
        return gap.toMinutes() >= 1 ? Durations.words(gap) : gap.toSeconds() + " s";
    }

    private Finding finding(Step step, Severity severity, String message) {
        return new Finding(id(), severity, step.request().requestId(), step.organisation(), step.entry().at(),
                message + " (transaction " + step.entry().transactionId() + ")");
    }
}
