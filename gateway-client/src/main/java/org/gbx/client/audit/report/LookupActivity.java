package org.gbx.client.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.gbx.client.audit.history.RebuiltLedger;
import org.gbx.client.audit.history.RecordVersion;

/**
 * The committee's view of hit/no-hit lookups in a period, rebuilt from the blocks: each lookup
 * (never an identifier: the ledger has none), and the counts per officer, per pair of forces,
 * per purpose and per day, the officer-days on which the cap was reached, and the lookups that
 * led to a request.
 */
public record LookupActivity(List<AuditedLookup> lookups, Map<String, Long> perOfficer, Map<String, Long> perForces,
        Map<String, Long> perPurpose, Map<LocalDate, Long> perDay, List<String> capsReached, long ledToRequests) {

    public LookupActivity {
        lookups = List.copyOf(lookups);
        perOfficer = Map.copyOf(perOfficer);
        perForces = Map.copyOf(perForces);
        perPurpose = Map.copyOf(perPurpose);
        perDay = Map.copyOf(perDay);
        capsReached = List.copyOf(capsReached);
    }

    /** One lookup as the committee sees it: who asked whom, why, what kind of identifier, and what followed. */
    public record AuditedLookup(String lookupId, String askerOrg, String holderOrg, String officer, String idType,
            String purpose, String legalBasis, Instant at, LocalDate day, int dailySequence, int dailyCap,
            String requestId, long block, String transactionId) {
    }

    public static LookupActivity empty() {
        return of(List.of());
    }

    /** Lookups recorded in {@code [from, to)}, each as its newest version says (a later request link included). */
    public static LookupActivity of(RebuiltLedger ledger, Instant from, Instant to) {
        List<AuditedLookup> lookups = new ArrayList<>();
        ledger.lookups().forEach((id, versions) -> {
            RecordVersion first = versions.get(0);
            JsonNode record = versions.get(versions.size() - 1).record();
            Instant at = Instant.parse(record.path("at").asText());
            if (!at.isBefore(from) && at.isBefore(to)) {
                lookups.add(new AuditedLookup(id, record.path("askerOrg").asText(), record.path("holderOrg").asText(),
                        record.path("officer").asText(), record.path("idType").asText(), record.path("purpose").asText(),
                        record.path("legalBasis").asText(), at, LocalDate.parse(record.path("day").asText()),
                        record.path("dailySequence").asInt(), record.path("dailyCap").asInt(),
                        record.path("requestId").isTextual() ? record.path("requestId").asText() : null,
                        first.block(), first.transactionId()));
            }
        });
        lookups.sort(java.util.Comparator.comparing(AuditedLookup::at).thenComparing(AuditedLookup::lookupId));
        return of(lookups);
    }

    static LookupActivity of(List<AuditedLookup> lookups) {
        List<String> caps = lookups.stream().filter(l -> l.dailySequence() >= l.dailyCap())
                .map(l -> l.officer() + " (" + l.askerOrg() + ") on " + l.day()).distinct().toList();
        return new LookupActivity(lookups, count(lookups, l -> l.officer() + " (" + l.askerOrg() + ")"),
                count(lookups, l -> l.askerOrg() + " → " + l.holderOrg()), count(lookups, AuditedLookup::purpose),
                count(lookups, AuditedLookup::day), caps, lookups.stream().filter(l -> l.requestId() != null).count());
    }

    private static <K extends Comparable<? super K>> Map<K, Long> count(List<AuditedLookup> lookups,
            Function<AuditedLookup, K> key) {
        Map<K, Long> counts = new TreeMap<>();
        lookups.forEach(l -> counts.merge(key.apply(l), 1L, Long::sum));
        return counts;
    }
}
