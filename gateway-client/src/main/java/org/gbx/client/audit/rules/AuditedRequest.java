package org.gbx.client.audit.rules;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the committee knows about one request over its whole life, taken from every version the
 * ledger recorded (a re-delivery replaces the current delivery, but both stay facts here). Only
 * hashes, organisations, categories and times: no case details.
 */
public record AuditedRequest(String requestId, String requesterOrg, String targetOrg, String requestingOfficer,
        String status, Instant createdAt, Instant answerDueAt, Optional<Instant> answeredAt,
        Optional<Grant> grant, List<Delivery> deliveries, List<Receipt> receipts, List<Access> accesses,
        Optional<Instant> destroyedAt, List<TimelineEntry> timeline) {

    public AuditedRequest {
        deliveries = List.copyOf(deliveries);
        receipts = List.copyOf(receipts);
        accesses = List.copyOf(accesses);
        timeline = List.copyOf(timeline);
    }

    public record Grant(Set<String> categories, Instant approvedAt, String approvedBy, Instant expiresAt,
            Instant destroyBy, int maxAccesses) {
        public Grant {
            categories = sorted(categories);
        }
    }

    public record Delivery(Instant at, Set<String> categories, String packageHash, String deliveredBy) {
        public Delivery {
            categories = sorted(categories);
        }
    }

    /** Sorted, so the report's JSON (which the auditor signs) is the same bytes for the same facts. */
    private static Set<String> sorted(Set<String> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    /** A receipt, with the package hash of the delivery it answered. */
    public record Receipt(Instant at, String computedHash, String deliveredHash, boolean recordedAsMatching,
            String receivedBy) {
    }

    public record Access(Instant at, String officer, int sequence) {
    }

    /**
     * One step of the request's life as the ledger recorded it.
     *
     * @param officer the hash of the officer who took the step, where the record names one ("" otherwise)
     * @param note what the officer recorded with it: an access's justification, a rejection's or
     *     revocation's reason ("" otherwise)
     */
    public record TimelineEntry(Instant at, String status, String transaction, String transactionId, long block,
            String officer, String note) {

        public TimelineEntry(Instant at, String status, String transaction, String transactionId, long block) {
            this(at, status, transaction, transactionId, block, "", "");
        }
    }

    /** Who asked whom: {@code MacauPJMSP → ZhuhaiPSBMSP}. */
    public String direction() {
        return requesterOrg + " → " + targetOrg;
    }

    public boolean destroyed() {
        return destroyedAt.isPresent();
    }

    /** A grant still usable: approved (or delivered, received, accessed) and neither revoked, expired nor destroyed. */
    public boolean grantLive() {
        return grant.isPresent() && Set.of("APPROVED", "PARTIALLY_APPROVED", "DELIVERED", "RECEIVED", "ACCESSED")
                .contains(status);
    }

    public Instant lastActivity() {
        return timeline.isEmpty() ? createdAt : timeline.get(timeline.size() - 1).at();
    }
}
