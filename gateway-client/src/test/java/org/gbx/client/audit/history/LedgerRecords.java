package org.gbx.client.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gbx.client.audit.chain.LedgerTransaction;
import org.gbx.client.audit.chain.LedgerWrite;

/** Request versions and transactions as docs/ledger.md writes them, for history tests. */
final class LedgerRecords {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final Set<String> BOTH = Set.of("MacauPJMSP", "ZhuhaiPSBMSP");

    private LedgerRecords() {
    }

    static ObjectNode pending(String id) {
        ObjectNode request = JSON.createObjectNode();
        request.put("requestId", id).put("requesterOrg", "MacauPJMSP").put("targetOrg", "ZhuhaiPSBMSP")
                .put("requestingOfficer", "a".repeat(64)).put("purpose", "Identify a permit holder")
                .put("legalBasis", "Agreement art. 3").put("handlingCode", "H1").putNull("handlingConditions")
                .put("urgency", "NORMAL").put("retentionDays", 30).put("detailsHash", "b".repeat(64))
                .put("createdAt", T0.toString()).put("answerDueAt", T0.plusSeconds(7 * 86400).toString())
                .put("status", "PENDING").put("updatedAt", T0.toString()).put("accessCount", 0);
        request.putArray("categories").add("IDENTITY").add("VEHICLES");
        for (String field : List.of("grant", "rejection", "revocation", "delivery", "receipt", "destruction")) {
            request.putNull(field);
        }
        return request;
    }

    static ObjectNode approved(ObjectNode pending) {
        ObjectNode request = pending.deepCopy().put("status", "PARTIALLY_APPROVED");
        ObjectNode grant = request.putObject("grant").put("approvedAt", T0.plusSeconds(3600).toString())
                .put("approvedBy", "c".repeat(64)).put("conditions", "H1 applies")
                .put("destroyBy", T0.plusSeconds(20 * 86400).toString())
                .put("expiresAt", T0.plusSeconds(10 * 86400).toString()).put("maxAccesses", 3);
        grant.putArray("categories").add("IDENTITY");
        return request;
    }

    static ObjectNode delivered(ObjectNode approved, String packageHash, long at) {
        ObjectNode request = approved.deepCopy().put("status", "DELIVERED");
        ObjectNode delivery = request.putObject("delivery").put("deliveredAt", T0.plusSeconds(at).toString())
                .put("deliveredBy", "d".repeat(64)).put("informationAccuracy", 2).put("merkleRoot", "e".repeat(64))
                .put("packageHash", packageHash).put("recordCount", 3).put("sizeBytes", 2048)
                .put("sourceReliability", "B");
        delivery.putArray("categories").add("IDENTITY");
        return request;
    }

    static ObjectNode received(ObjectNode delivered, String computedHash, long at) {
        boolean matches = computedHash.equals(delivered.path("delivery").path("packageHash").asText());
        ObjectNode request = delivered.deepCopy().put("status", matches ? "RECEIVED" : "DELIVERED");
        request.putObject("receipt").put("computedHash", computedHash).put("matches", matches)
                .put("receivedAt", T0.plusSeconds(at).toString()).put("receivedBy", "f".repeat(64));
        return request;
    }

    static LedgerTransaction transaction(String txId, long block, long secondsAfterT0, String function,
            Set<String> endorsers, String key, JsonNode value) {
        return new LedgerTransaction(block, 0, txId, T0.plusSeconds(secondsAfterT0), "MacauPJMSP", "exchange",
                function, "VALID", endorsers, List.of(new LedgerWrite("exchange", key, value.toString(), false)));
    }
}
