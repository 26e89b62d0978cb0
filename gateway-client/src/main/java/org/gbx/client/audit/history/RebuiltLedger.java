package org.gbx.client.audit.history;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every request's history, every access record and every suspension change, rebuilt from the
 * valid transactions in the blocks alone, oldest version first.
 */
public record RebuiltLedger(SortedMap<String, List<RecordVersion>> requests,
        SortedMap<String, List<RecordVersion>> accesses, List<RecordVersion> suspensions) {

    public RebuiltLedger {
        requests = copy(requests);
        accesses = copy(accesses);
        suspensions = List.copyOf(suspensions);
    }

    public static RebuiltLedger empty() {
        return new RebuiltLedger(new TreeMap<>(), new TreeMap<>(), List.of());
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
        return java.util.Collections.unmodifiableSortedMap(copy);
    }
}
