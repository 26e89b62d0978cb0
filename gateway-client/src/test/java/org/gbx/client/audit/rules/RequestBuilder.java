package org.gbx.client.audit.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link AuditedRequest}s for rule tests: {@link #clean} is a request whose whole life kept
 * every rule (answered in 1 h, delivered and received within the grant, two accesses, destroyed
 * on time); each test then breaks exactly one thing.
 */
final class RequestBuilder {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final String PACKAGE = "a".repeat(64);
    private static final Instant BLOCK_ZERO = Instant.parse("2026-01-01T00:00:00Z");

    String id = "req-1";
    String requester = "MacauPJMSP";
    String target = "ZhuhaiPSBMSP";
    String officer = "officer-a";
    String status = "DESTROYED";
    Instant createdAt = T0;
    Instant answerDueAt = T0.plus(Duration.ofDays(7));
    Optional<Instant> answeredAt = Optional.of(T0.plus(Duration.ofHours(1)));
    Optional<AuditedRequest.Grant> grant = Optional.of(new AuditedRequest.Grant(Set.of("IDENTITY", "VEHICLES"),
            T0.plus(Duration.ofHours(1)), "approver-a", T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(20)), 5));
    List<AuditedRequest.Delivery> deliveries = new ArrayList<>(List.of(new AuditedRequest.Delivery(
            T0.plus(Duration.ofHours(2)), Set.of("IDENTITY"), PACKAGE, "sender-a")));
    List<AuditedRequest.Receipt> receipts = new ArrayList<>(List.of(new AuditedRequest.Receipt(
            T0.plus(Duration.ofHours(3)), PACKAGE, PACKAGE, true, "receiver-a")));
    List<AuditedRequest.Access> accesses = new ArrayList<>(List.of(
            new AuditedRequest.Access(T0.plus(Duration.ofDays(1)), "reader-a", 1),
            new AuditedRequest.Access(T0.plus(Duration.ofDays(2)), "reader-a", 2)));
    Optional<Instant> destroyedAt = Optional.of(T0.plus(Duration.ofDays(5)));

    static RequestBuilder clean() {
        return new RequestBuilder();
    }

    /** A request still pending, created at {@code created}, answer due 7 days later. */
    static RequestBuilder pending(Instant created) {
        RequestBuilder builder = new RequestBuilder();
        builder.status = "PENDING";
        builder.createdAt = created;
        builder.answerDueAt = created.plus(Duration.ofDays(7));
        builder.answeredAt = Optional.empty();
        builder.grant = Optional.empty();
        builder.deliveries.clear();
        builder.receipts.clear();
        builder.accesses.clear();
        builder.destroyedAt = Optional.empty();
        return builder;
    }

    RequestBuilder id(String value) {
        id = value;
        return this;
    }

    RequestBuilder officer(String value) {
        officer = value;
        return this;
    }

    RequestBuilder status(String value) {
        status = value;
        return this;
    }

    RequestBuilder notDestroyed(String currentStatus) {
        destroyedAt = Optional.empty();
        status = currentStatus;
        return this;
    }

    RequestBuilder destroyedAt(Instant at) {
        destroyedAt = Optional.of(at);
        return this;
    }

    RequestBuilder answeredAt(Instant at) {
        answeredAt = Optional.of(at);
        return this;
    }

    RequestBuilder accessAt(Instant at) {
        accesses.add(new AuditedRequest.Access(at, "reader-a", accesses.size() + 1));
        return this;
    }

    RequestBuilder deliveredCategories(String... categories) {
        deliveries.set(0, new AuditedRequest.Delivery(deliveries.get(0).at(), Set.of(categories), PACKAGE, "sender-a"));
        return this;
    }

    RequestBuilder deliveredAt(Instant at) {
        deliveries.set(0, new AuditedRequest.Delivery(at, deliveries.get(0).categories(), PACKAGE, "sender-a"));
        return this;
    }

    RequestBuilder withoutGrant() {
        grant = Optional.empty();
        return this;
    }

    RequestBuilder receiptHash(String computed, boolean recordedAsMatching) {
        receipts.set(0, new AuditedRequest.Receipt(receipts.get(0).at(), computed, PACKAGE, recordedAsMatching,
                "receiver-a"));
        return this;
    }

    /** Steps as the ledger committed them, each in its own block, after the creation (block 1). */
    final List<AuditedRequest.TimelineEntry> steps = new ArrayList<>();

    RequestBuilder step(Instant at, String transaction, long block) {
        steps.add(new AuditedRequest.TimelineEntry(at, "ANY", transaction, "tx-" + id + "-" + block, block));
        return this;
    }

    AuditedRequest.Grant grant() {
        return grant.orElseThrow();
    }

    AuditedRequest build() {
        return new AuditedRequest(id, requester, target, officer, status, createdAt, answerDueAt, answeredAt, grant,
                deliveries, receipts, accesses, destroyedAt, timeline());
    }

    /**
     * The steps the ledger would hold for these facts, oldest first; with steps given explicitly
     * (timestamp-order tests), the creation and exactly those steps, in the order given.
     */
    private List<AuditedRequest.TimelineEntry> timeline() {
        if (!steps.isEmpty()) {
            List<AuditedRequest.TimelineEntry> timeline = new ArrayList<>(List.of(new AuditedRequest.TimelineEntry(
                    createdAt, "PENDING", "CreateRequest", "tx-" + id, 1)));
            timeline.addAll(steps);
            return timeline;
        }
        List<AuditedRequest.TimelineEntry> derived = new ArrayList<>();
        derived.add(step(createdAt, "PENDING", "CreateRequest", officer, ""));
        grant.ifPresent(g -> derived.add(step(g.approvedAt(), "APPROVED", "ApproveRequest", g.approvedBy(), "")));
        deliveries.forEach(d -> derived.add(step(d.at(), "DELIVERED", "RecordDelivery", d.deliveredBy(), "")));
        receipts.forEach(r -> derived.add(step(r.at(), "RECEIVED", "RecordReceipt", r.receivedBy(), "")));
        accesses.forEach(a -> derived.add(step(a.at(), "ACCESSED", "RecordAccess", a.officer(),
                "Cross-check with the Gongbei border crossing log, visit " + a.sequence())));
        destroyedAt.ifPresent(at -> derived.add(step(at, "DESTROYED", "RecordDestruction", officer, "")));
        derived.sort(java.util.Comparator.comparing(AuditedRequest.TimelineEntry::at));
        // One block a minute across every request built, so the ledger's order matches the times.
        List<AuditedRequest.TimelineEntry> numbered = new ArrayList<>();
        for (int i = 0; i < derived.size(); i++) {
            AuditedRequest.TimelineEntry s = derived.get(i);
            numbered.add(new AuditedRequest.TimelineEntry(s.at(), s.status(), s.transaction(),
                    "tx-" + id + "-" + (i + 1), Duration.between(BLOCK_ZERO, s.at()).toMinutes(), s.officer(),
                    s.note()));
        }
        return numbered;
    }

    private static AuditedRequest.TimelineEntry step(Instant at, String status, String transaction, String by,
            String note) {
        return new AuditedRequest.TimelineEntry(at, status, transaction, "", 0, by, note);
    }
}
