package org.gbx.client.audit.history;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every request's history, every access record, every suspension change and every lookup, rebuilt
 * from the valid transactions in the blocks alone, oldest version first.
 */
public record RebuiltLedger(SortedMap<String, List<RecordVersion>> requests,
        SortedMap<String, List<RecordVersion>> accesses, List<RecordVersion> suspensions,
        SortedMap<String, List<RecordVersion>> lookups) {

    public RebuiltLedger {
        requests = copy(requests);
        accesses = copy(accesses);
        suspensions = List.copyOf(suspensions);
        lookups = copy(lookups);
    }

    public static RebuiltLedger empty() {
        return new RebuiltLedger(new TreeMap<>(), new TreeMap<>(), List.of(), new TreeMap<>());
    }

    /** The same ledger with only the requests (and their accesses) whose id passes {@code keep}. */
    public RebuiltLedger restrictedTo(Predicate<String> keep) {
        SortedMap<String, List<RecordVersion>> kept = new TreeMap<>();
        requests.forEach((id, versions) -> {
            if (keep.test(id)) {
                kept.put(id, versions);
            }
        });
        SortedMap<String, List<RecordVersion>> keptAccesses = new TreeMap<>();
        accesses.forEach((id, versions) -> {
            if (keep.test(id)) {
                keptAccesses.put(id, versions);
            }
        });
        return new RebuiltLedger(kept, keptAccesses, suspensions, lookups);
    }

    public List<RecordVersion> history(String requestId) {
        return requests.getOrDefault(requestId, List.of());
    }

    public List<RecordVersion> accessesOf(String requestId) {
        return accesses.getOrDefault(requestId, List.of());
    }

    private static SortedMap<String, List<RecordVersion>> copy(Map<String, List<RecordVersion>> map) {
        SortedMap<String, List<RecordVersion>> copy = new TreeMap<>();
        map.forEach((key, versions) -> copy.put(key, List.copyOf(versions)));
        return Collections.unmodifiableSortedMap(copy);
    }
}
