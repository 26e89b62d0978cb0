package org.gbx.chaincode.rules;

import static org.gbx.chaincode.ErrorCode.ACCESS_LIMIT_REACHED;
import static org.gbx.chaincode.ErrorCode.DEADLINE_NOT_PASSED;
import static org.gbx.chaincode.ErrorCode.GRANT_EXPIRED;
import static org.gbx.chaincode.ErrorCode.ILLEGAL_TRANSITION;
import static org.gbx.chaincode.model.Status.ACCESSED;
import static org.gbx.chaincode.model.Status.APPROVED;
import static org.gbx.chaincode.model.Status.DELIVERED;
import static org.gbx.chaincode.model.Status.EXPIRED;
import static org.gbx.chaincode.model.Status.NO_MATCH;
import static org.gbx.chaincode.model.Status.PARTIALLY_APPROVED;
import static org.gbx.chaincode.model.Status.PENDING;
import static org.gbx.chaincode.model.Status.RECEIVED;
import static org.gbx.chaincode.model.Status.REJECTED;
import static org.gbx.chaincode.model.Status.REVOKED;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.gbx.chaincode.model.ExchangeRequest;
import org.gbx.chaincode.model.Grant;
import org.gbx.chaincode.model.Status;
import org.gbx.chaincode.model.Urgency;

/**
 * The request lifecycle: from which statuses each action may start, which status it
 * leads to, and the time and count limits of a live grant. Time is always the
 * transaction timestamp passed in, never a clock.
 */
public final class Lifecycle {
    /** A grant that still lets data flow: revocable, expirable. */
    public static final Set<Status> LIVE_GRANT =
            Collections.unmodifiableSet(EnumSet.of(APPROVED, PARTIALLY_APPROVED, DELIVERED, RECEIVED, ACCESSED));

    /**
     * States in which the recipient may (and after delivery must) attest destruction; after a
     * rejection or a search that found nothing, destruction purges the case details.
     */
    public static final Set<Status> DESTRUCTIBLE = Collections.unmodifiableSet(
            EnumSet.of(REJECTED, NO_MATCH, DELIVERED, RECEIVED, ACCESSED, REVOKED, EXPIRED));

    /** Only a delivery the recipient received intact, and has not destroyed, can be endorsed. */
    public static final Set<Status> ENDORSABLE = Collections.unmodifiableSet(EnumSet.of(RECEIVED, ACCESSED));

    private static final Map<RequestAction, Set<Status>> SOURCES = new EnumMap<>(RequestAction.class);

    static {
        SOURCES.put(RequestAction.CREATE, EnumSet.noneOf(Status.class));
        SOURCES.put(RequestAction.APPROVE, EnumSet.of(PENDING));
        SOURCES.put(RequestAction.REJECT, EnumSet.of(PENDING));
        SOURCES.put(RequestAction.DELIVER, EnumSet.of(APPROVED, PARTIALLY_APPROVED, DELIVERED));
        // Only before anything was delivered: a delivered package is the answer once sent.
        SOURCES.put(RequestAction.NO_MATCH, EnumSet.of(APPROVED, PARTIALLY_APPROVED));
        SOURCES.put(RequestAction.RECEIVE, EnumSet.of(DELIVERED));
        SOURCES.put(RequestAction.ACCESS, EnumSet.of(RECEIVED, ACCESSED));
        SOURCES.put(RequestAction.REVOKE, LIVE_GRANT);
        SOURCES.put(RequestAction.EXPIRE, LIVE_GRANT);
        SOURCES.put(RequestAction.DESTROY, DESTRUCTIBLE);
    }

    private Lifecycle() {
    }

    public static void requireMove(RequestAction action, Status from) {
        if (!SOURCES.get(action).contains(from)) {
            throw ILLEGAL_TRANSITION.refuse(action.transaction() + " is not allowed on a request that is " + from);
        }
    }

    public static void requireEndorsable(ExchangeRequest request) {
        if (!ENDORSABLE.contains(request.status())) {
            throw ILLEGAL_TRANSITION.refuse("records are endorsed only on a received request, not one that is "
                    + request.status());
        }
    }

    /** Full approval grants every requested category; anything narrower is partial. */
    public static Status afterApproval(ExchangeRequest request, Grant grant) {
        return grant.categories().equals(request.categories()) ? APPROVED : PARTIALLY_APPROVED;
    }

    /** A mismatching receipt leaves the request delivered, so the owner can deliver again. */
    public static Status afterReceipt(boolean hashMatches) {
        return hashMatches ? RECEIVED : DELIVERED;
    }

    public static Instant answerDueAt(Instant createdAt, Urgency urgency) {
        return createdAt.plus(urgency.answerWindow());
    }

    /**
     * Data may flow (delivery, access) only while the grant is surely live: even the latest the
     * endorsement can have happened is still before the expiry.
     */
    public static void requireGrantLive(ExchangeRequest request, ProposalTime time) {
        if (!time.latest().isBefore(request.grant().expiresAt())) {
            // The time lets the officer see when access ended (the CLI shows it in local time).
            throw GRANT_EXPIRED.refuse("the grant expires at " + request.grant().expiresAt() + "; data may not be "
                    + "used in its last " + ProposalTime.WINDOW.toSeconds() + " s");
        }
    }

    public static void requireAccessLeft(ExchangeRequest request) {
        if (request.accessCount() >= request.grant().maxAccesses()) {
            throw ACCESS_LIMIT_REACHED.refuse("the grant allows " + request.grant().maxAccesses() + " accesses");
        }
    }

    /** A grant is closed as expired only once even the earliest time of the endorsement is past its expiry. */
    public static void requireExpiryPassed(ExchangeRequest request, ProposalTime time) {
        if (time.earliest().isBefore(request.grant().expiresAt())) {
            throw DEADLINE_NOT_PASSED.refuse("the grant has not expired yet");
        }
    }

    /**
     * Destruction after the destroy-by date is still accepted (the data must go), but flagged; it
     * counts as on time only if even the latest time of the endorsement is not after the deadline.
     */
    public static boolean isLate(ExchangeRequest request, ProposalTime time) {
        return request.grant() != null && time.latest().isAfter(request.grant().destroyBy());
    }
}
