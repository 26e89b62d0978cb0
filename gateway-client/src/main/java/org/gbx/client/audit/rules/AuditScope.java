package org.gbx.client.audit.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the rules look at: the requests, and the moment the audit is taken at (the end of the
 * report period, or now if that is still to come). Rules never read the clock themselves.
 *
 * @param nearExpiry how close to a grant's expiry an access or a live grant is worth a notice
 */
public record AuditScope(List<AuditedRequest> requests, Instant asOf, Duration nearExpiry) {

    public static final Duration DEFAULT_NEAR_EXPIRY = Duration.ofHours(24);

    public AuditScope {
        requests = List.copyOf(requests);
    }

    public static AuditScope of(List<AuditedRequest> requests, Instant asOf) {
        return new AuditScope(requests, asOf, DEFAULT_NEAR_EXPIRY);
    }
}
