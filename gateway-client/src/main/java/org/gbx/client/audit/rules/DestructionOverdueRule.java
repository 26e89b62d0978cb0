package org.gbx.client.audit.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Granted data not attested destroyed by its destroy-by deadline (docs/ledger.md, overdue
 * destructions), and destructions attested after the deadline.
 */
public final class DestructionOverdueRule implements AuditRule {

    /** Statuses in which granted data may exist at the recipient and must be destroyed. */
    private static final Set<String> MUST_BE_DESTROYED = Set.of("DELIVERED", "RECEIVED", "ACCESSED", "REVOKED",
            "EXPIRED");

    /**
     * The chaincode counts a destruction as on time only if its timestamp plus this window is not
     * after the deadline (docs/ledger.md, "Time"): a client can backdate by up to the window.
     */
    static final Duration CLIENT_WINDOW = Duration.ofSeconds(60);

    @Override
    public String id() {
        return "destruction-overdue";
    }

    @Override
    public String description() {
        return "Data not attested destroyed by the grant's destroy-by deadline, or destroyed late.";
    }

    @Override
    public List<Finding> check(AuditScope scope) {
        List<Finding> findings = new ArrayList<>();
        for (AuditedRequest request : scope.requests()) {
            if (request.grant().isEmpty()) {
                continue;
            }
            Instant destroyBy = request.grant().get().destroyBy();
            if (!request.destroyed() && MUST_BE_DESTROYED.contains(request.status()) && scope.asOf().isAfter(destroyBy)) {
                findings.add(new Finding(id(), Severity.BREACH, request.requestId(), request.requesterOrg(), destroyBy,
                        "Destruction overdue by " + Durations.words(Duration.between(destroyBy, scope.asOf())) + ".",
                        "overdue", List.of(Finding.Argument.duration(Duration.between(destroyBy, scope.asOf())))));
            }
            request.destroyedAt().filter(at -> at.isAfter(destroyBy)).ifPresent(at ->
                    findings.add(new Finding(id(), Severity.BREACH, request.requestId(), request.requesterOrg(), at,
                            "Destroyed " + Durations.words(Duration.between(destroyBy, at))
                                    + " after the destroy-by deadline.", "late",
                            List.of(Finding.Argument.duration(Duration.between(destroyBy, at))))));
            request.destroyedAt().filter(at -> !at.isAfter(destroyBy) && at.plus(CLIENT_WINDOW).isAfter(destroyBy))
                    .ifPresent(at -> findings.add(new Finding(id(), Severity.BREACH, request.requestId(),
                            request.requesterOrg(), at, "Destroyed late: timestamped "
                                    + Duration.between(at, destroyBy).toSeconds() + " s before the destroy-by deadline, "
                                    + "within the minute a client can backdate by; the ledger recorded it as late.",
                            "lateWithinWindow", List.of(Finding.Argument.count(Duration.between(at, destroyBy)
                                    .toSeconds())))));
        }
        return findings;
    }
}
