package org.gbx.client.audit.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Data used at or after its grant's expiry (a breach), used or still open shortly before it (a
 * notice), and grants past expiry that nobody closed with ExpireGrant (a warning).
 */
public final class GrantExpiryRule implements AuditRule {

    @Override
    public String id() {
        return "grant-expiry";
    }

    @Override
    public String description() {
        return "Accesses at or near a grant's expiry, and live grants near or past expiry.";
    }

    @Override
    public List<Finding> check(AuditScope scope) {
        List<Finding> findings = new ArrayList<>();
        for (AuditedRequest request : scope.requests()) {
            request.grant().ifPresent(grant -> {
                for (AuditedRequest.Access access : request.accesses()) {
                    if (!access.at().isBefore(grant.expiresAt())) {
                        findings.add(new Finding(id(), Severity.BREACH, request.requestId(), request.requesterOrg(),
                                access.at(), "Access " + access.sequence() + " was recorded "
                                        + Durations.words(Duration.between(grant.expiresAt(), access.at()))
                                        + " after the grant expired.", "accessAfterExpiry",
                                List.of(Finding.Argument.count(access.sequence()),
                                        Finding.Argument.duration(Duration.between(grant.expiresAt(), access.at())))));
                    } else if (access.at().isAfter(grant.expiresAt().minus(scope.nearExpiry()))) {
                        findings.add(new Finding(id(), Severity.NOTICE, request.requestId(), request.requesterOrg(),
                                access.at(), "Access " + access.sequence() + " was recorded "
                                        + Durations.words(Duration.between(access.at(), grant.expiresAt()))
                                        + " before the grant expired.", "accessNearExpiry",
                                List.of(Finding.Argument.count(access.sequence()),
                                        Finding.Argument.duration(Duration.between(access.at(), grant.expiresAt())))));
                    }
                }
                if (request.grantLive() && !scope.asOf().isBefore(grant.expiresAt())) {
                    findings.add(new Finding(id(), Severity.WARNING, request.requestId(), request.targetOrg(),
                            grant.expiresAt(), "The grant expired " + Durations.words(Duration.between(
                                    grant.expiresAt(), scope.asOf())) + " ago but is still open (no ExpireGrant).",
                            "expiredStillOpen", List.of(Finding.Argument.duration(
                                    Duration.between(grant.expiresAt(), scope.asOf())))));
                } else if (request.grantLive() && scope.asOf().isAfter(grant.expiresAt().minus(scope.nearExpiry()))) {
                    findings.add(new Finding(id(), Severity.NOTICE, request.requestId(), request.requesterOrg(),
                            grant.expiresAt(), "The grant expires in " + Durations.words(Duration.between(
                                    scope.asOf(), grant.expiresAt())) + ".", "expiresSoon",
                            List.of(Finding.Argument.duration(Duration.between(scope.asOf(), grant.expiresAt())))));
                }
            });
        }
        return findings;
    }
}
