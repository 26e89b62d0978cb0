package org.gbx.chaincode.rules;

import static org.gbx.chaincode.model.Status.ACCESSED;
import static org.gbx.chaincode.model.Status.DELIVERED;
import static org.gbx.chaincode.model.Status.EXPIRED;
import static org.gbx.chaincode.model.Status.PENDING;
import static org.gbx.chaincode.model.Status.RECEIVED;
import static org.gbx.chaincode.model.Status.REVOKED;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiPredicate;
import org.gbx.chaincode.model.ExchangeRequest;
import org.gbx.chaincode.model.Status;

/** The deadlines the committee watches, each with the statuses in which it can be missed. */
public enum Deadline {
    /** The target force has not answered in time. */
    ANSWER(EnumSet.of(PENDING), (request, now) -> now.isAfter(request.answerDueAt())),
    /** A grant is past its expiry but nobody marked it expired yet. */
    GRANT_EXPIRY(Lifecycle.LIVE_GRANT, (request, now) -> !now.isBefore(request.grant().expiresAt())),
    /** Data was (or could have been) delivered and is still not attested destroyed. */
    DESTRUCTION(EnumSet.of(DELIVERED, RECEIVED, ACCESSED, REVOKED, EXPIRED),
            (request, now) -> request.grant() != null && now.isAfter(request.grant().destroyBy()));

    private final Set<Status> statuses;
    private final BiPredicate<ExchangeRequest, Instant> missed;

    Deadline(Set<Status> statuses, BiPredicate<ExchangeRequest, Instant> missed) {
        this.statuses = statuses;
        this.missed = missed;
    }

    public Set<Status> statuses() {
        return statuses;
    }

    public boolean isMissed(ExchangeRequest request, Instant now) {
        return statuses.contains(request.status()) && missed.test(request, now);
    }
}
