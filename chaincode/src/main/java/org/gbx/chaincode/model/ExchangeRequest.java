package org.gbx.chaincode.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/**
 * A force's request for data from another force and everything that happened to it since.
 * Public state: no personal data, only the hash of the private case details. The first
 * fields are the terms fixed at creation; the rest is progress, changed only through
 * {@link #next(Status, Instant)}.
 */
public record ExchangeRequest(
        String requestId,
        String requesterOrg,
        String targetOrg,
        String requestingOfficer,
        String purpose,
        String legalBasis,
        HandlingCode handlingCode,
        String handlingConditions,
        SortedSet<DataCategory> categories,
        Urgency urgency,
        int retentionDays,
        String detailsHash,
        Instant createdAt,
        Instant answerDueAt,
        Status status,
        Instant updatedAt,
        Grant grant,
        Decision rejection,
        Decision revocation,
        Delivery delivery,
        Receipt receipt,
        int accessCount,
        Destruction destruction,
        NoMatch noMatch) {

    public ExchangeRequest {
        categories = DataCategory.canonical(categories);
    }

    /** The two forces of the request: the only organisations that may change it. */
    public List<String> forces() {
        return List.of(requesterOrg, targetOrg);
    }

    /** Same terms as another request with the same id: an idempotent replay of its creation. */
    public boolean hasSameTerms(ExchangeRequest other) {
        return requesterOrg.equals(other.requesterOrg)
                && targetOrg.equals(other.targetOrg)
                && purpose.equals(other.purpose)
                && legalBasis.equals(other.legalBasis)
                && handlingCode == other.handlingCode
                && Objects.equals(handlingConditions, other.handlingConditions)
                && categories.equals(other.categories)
                && urgency == other.urgency
                && retentionDays == other.retentionDays
                && detailsHash.equals(other.detailsHash);
    }

    /** Starts the next version of this request, in {@code status} as of {@code at}. */
    public Progress next(Status status, Instant at) {
        return new Progress(this, status, at);
    }

    /** The progress part of the next version; the terms are carried over unchanged. */
    public static final class Progress {
        private final ExchangeRequest base;
        private final Status status;
        private final Instant at;
        private Grant grant;
        private Decision rejection;
        private Decision revocation;
        private Delivery delivery;
        private Receipt receipt;
        private int accessCount;
        private Destruction destruction;
        private NoMatch noMatch;

        private Progress(ExchangeRequest base, Status status, Instant at) {
            this.base = base;
            this.status = status;
            this.at = at;
            this.grant = base.grant;
            this.rejection = base.rejection;
            this.revocation = base.revocation;
            this.delivery = base.delivery;
            this.receipt = base.receipt;
            this.accessCount = base.accessCount;
            this.destruction = base.destruction;
            this.noMatch = base.noMatch;
        }

        public Progress grant(Grant value) {
            grant = value;
            return this;
        }

        public Progress rejection(Decision value) {
            rejection = value;
            return this;
        }

        public Progress revocation(Decision value) {
            revocation = value;
            return this;
        }

        /** A new delivery replaces the previous one and clears its receipt. */
        public Progress delivery(Delivery value) {
            delivery = value;
            receipt = null;
            return this;
        }

        public Progress receipt(Receipt value) {
            receipt = value;
            return this;
        }

        public Progress oneMoreAccess() {
            accessCount++;
            return this;
        }

        public Progress destruction(Destruction value) {
            destruction = value;
            return this;
        }

        public Progress noMatch(NoMatch value) {
            noMatch = value;
            return this;
        }

        public ExchangeRequest build() {
            return new ExchangeRequest(base.requestId, base.requesterOrg, base.targetOrg, base.requestingOfficer,
                    base.purpose, base.legalBasis, base.handlingCode, base.handlingConditions, base.categories,
                    base.urgency, base.retentionDays, base.detailsHash, base.createdAt, base.answerDueAt,
                    status, at, grant, rejection, revocation, delivery, receipt, accessCount, destruction, noMatch);
        }
    }
}
