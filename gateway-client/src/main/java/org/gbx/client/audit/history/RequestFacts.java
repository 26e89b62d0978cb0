package org.gbx.client.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gbx.client.audit.rules.AuditedRequest;

/**
 * Reads the rebuilt versions of each request (JSON as in docs/ledger.md) into the facts the rules
 * check, as they stood at a given moment: versions and accesses recorded later are left out, so
 * a report for a past period shows the ledger as it was then.
 */
public final class RequestFacts {

    private static final Set<String> ANSWERS = Set.of("APPROVED", "PARTIALLY_APPROVED", "REJECTED");

    private RequestFacts() {
    }

    public static List<AuditedRequest> asOf(RebuiltLedger ledger, Instant asOf) {
        List<AuditedRequest> requests = new ArrayList<>();
        ledger.requests().forEach((id, versions) -> {
            List<RecordVersion> known = versions.stream().filter(v -> !v.timestamp().isAfter(asOf)).toList();
            if (!known.isEmpty()) {
                List<RecordVersion> accesses = ledger.accessesOf(id).stream()
                        .filter(v -> !v.timestamp().isAfter(asOf)).toList();
                requests.add(facts(known, accesses));
            }
        });
        return requests;
    }

    static AuditedRequest facts(List<RecordVersion> versions, List<RecordVersion> accessVersions) {
        JsonNode first = versions.get(0).record();
        JsonNode last = versions.get(versions.size() - 1).record();
        Map<String, AuditedRequest.Delivery> deliveries = new LinkedHashMap<>();
        Map<String, AuditedRequest.Receipt> receipts = new LinkedHashMap<>();
        Optional<Instant> answeredAt = Optional.empty();
        List<AuditedRequest.TimelineEntry> timeline = new ArrayList<>();
        for (RecordVersion version : versions) {
            JsonNode record = version.record();
            String status = record.path("status").asText();
            timeline.add(new AuditedRequest.TimelineEntry(version.timestamp(), status, version.function(),
                    version.transactionId(), version.block(), actor(version.function(), record),
                    reason(version.function(), record)));
            if (answeredAt.isEmpty() && ANSWERS.contains(status)) {
                answeredAt = Optional.of(version.timestamp());
            }
            JsonNode delivery = record.path("delivery");
            if (delivery.isObject()) {
                deliveries.putIfAbsent(delivery.path("deliveredAt").asText() + delivery.path("packageHash").asText(),
                        new AuditedRequest.Delivery(instant(delivery, "deliveredAt"), texts(delivery.path("categories")),
                                delivery.path("packageHash").asText(), delivery.path("deliveredBy").asText()));
            }
            JsonNode receipt = record.path("receipt");
            if (receipt.isObject()) {
                receipts.putIfAbsent(receipt.path("receivedAt").asText() + receipt.path("computedHash").asText(),
                        new AuditedRequest.Receipt(instant(receipt, "receivedAt"), receipt.path("computedHash").asText(),
                                delivery.path("packageHash").asText(), receipt.path("matches").asBoolean(),
                                receipt.path("receivedBy").asText()));
            }
        }
        List<AuditedRequest.Access> accesses = new ArrayList<>();
        for (RecordVersion access : accessVersions) {
            accesses.add(new AuditedRequest.Access(instant(access.record(), "accessedAt"),
                    access.record().path("officer").asText(), access.record().path("sequence").asInt()));
            timeline.add(new AuditedRequest.TimelineEntry(access.timestamp(), "ACCESSED", access.function(),
                    access.transactionId(), access.block(), access.record().path("officer").asText(),
                    access.record().path("justification").asText()));
        }
        timeline.sort(Comparator.comparing(AuditedRequest.TimelineEntry::at));
        JsonNode destruction = last.path("destruction");
        return new AuditedRequest(first.path("requestId").asText(), first.path("requesterOrg").asText(),
                first.path("targetOrg").asText(), first.path("requestingOfficer").asText(),
                last.path("status").asText(), instant(first, "createdAt"), instant(first, "answerDueAt"), answeredAt,
                grant(last.path("grant")), List.copyOf(deliveries.values()), List.copyOf(receipts.values()), accesses,
                destruction.isObject() ? Optional.of(instant(destruction, "destroyedAt")) : Optional.empty(), timeline);
    }

    /** The officer a transaction's record names as the one who acted, by the ledger's schema (docs/ledger.md). */
    private static String actor(String function, JsonNode record) {
        return switch (function) {
            case "CreateRequest" -> record.path("requestingOfficer").asText();
            case "ApproveRequest" -> record.path("grant").path("approvedBy").asText();
            case "RejectRequest" -> record.path("rejection").path("by").asText();
            case "RevokeGrant" -> record.path("revocation").path("by").asText();
            case "RecordDelivery" -> record.path("delivery").path("deliveredBy").asText();
            case "RecordReceipt" -> record.path("receipt").path("receivedBy").asText();
            case "RecordDestruction" -> record.path("destruction").path("attestedBy").asText();
            default -> "";
        };
    }

    private static String reason(String function, JsonNode record) {
        return switch (function) {
            case "RejectRequest" -> record.path("rejection").path("reason").asText();
            case "RevokeGrant" -> record.path("revocation").path("reason").asText();
            default -> "";
        };
    }

    private static Optional<AuditedRequest.Grant> grant(JsonNode grant) {
        if (!grant.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new AuditedRequest.Grant(texts(grant.path("categories")), instant(grant, "approvedAt"),
                grant.path("approvedBy").asText(), instant(grant, "expiresAt"), instant(grant, "destroyBy"),
                grant.path("maxAccesses").asInt()));
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.path(field).asText());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
