package org.gbx.client.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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
public record LookupActivity(List<AuditedLookup> lookups, Map<String, Map<String, Long>> perOfficer,
        Map<String, Long> perForces, Map<String, Long> perPurpose, Map<LocalDate, Long> perDay,
        List<CapReached> capsReached, long ledToRequests) {

    // Sorted, also when read back from a signed report: the page drawn again must be the same bytes.
    public LookupActivity {
        lookups = List.copyOf(lookups);
        Map<String, Map<String, Long>> officers = new TreeMap<>();
        perOfficer.forEach((force, counts) -> officers.put(force, sorted(counts)));
        perOfficer = Collections.unmodifiableMap(officers);
        perForces = sorted(perForces);
        perPurpose = sorted(perPurpose);
        perDay = sorted(perDay);
        capsReached = List.copyOf(capsReached);
    }

    /** An officer of a force who used the whole daily cap on a day (UTC+8). */
    public record CapReached(String officer, String force, LocalDate day) {
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
        List<CapReached> caps = lookups.stream().filter(l -> l.dailySequence() >= l.dailyCap())
                .map(l -> new CapReached(l.officer(), l.askerOrg(), l.day())).distinct().toList();
        Map<String, Map<String, Long>> perOfficer = new TreeMap<>();
        lookups.stream().map(AuditedLookup::askerOrg).distinct().forEach(force -> perOfficer.put(force,
                count(lookups.stream().filter(l -> l.askerOrg().equals(force)).toList(), AuditedLookup::officer)));
        return new LookupActivity(lookups, perOfficer,
                count(lookups, l -> l.askerOrg() + " → " + l.holderOrg()), count(lookups, AuditedLookup::purpose),
                count(lookups, AuditedLookup::day), caps, lookups.stream().filter(l -> l.requestId() != null).count());
    }

    private static <K extends Comparable<? super K>> Map<K, Long> sorted(Map<K, Long> counts) {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    private static <K extends Comparable<? super K>> Map<K, Long> count(List<AuditedLookup> lookups,
            Function<AuditedLookup, K> key) {
        Map<K, Long> counts = new TreeMap<>();
        lookups.forEach(l -> counts.merge(key.apply(l), 1L, Long::sum));
        return counts;
    }
}
