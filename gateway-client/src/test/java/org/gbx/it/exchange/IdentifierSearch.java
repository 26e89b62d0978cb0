package org.gbx.it.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds any of thousands of identifiers in a text in one pass per identifier length (a rolling
 * hash per length, Rabin-Karp), so a whole channel can be searched for every seeded person in
 * seconds rather than one {@code indexOf} per identifier and block.
 */
final class IdentifierSearch {

    private static final long BASE = 1_000_003L;

    /** Per identifier length: rolling hash to the identifiers with that hash. */
    private final Map<Integer, Map<Long, List<String>>> byLength = new TreeMap<>();

    IdentifierSearch(Collection<String> identifiers) {
        for (String identifier : identifiers) {
            byLength.computeIfAbsent(identifier.length(), n -> new HashMap<>())
                    .computeIfAbsent(hash(identifier, 0, identifier.length()), h -> new ArrayList<>(1)).add(identifier);
        }
    }

    /** Every identifier that occurs in {@code text}, once per occurrence. */
    List<String> find(String text) {
        List<String> hits = new ArrayList<>();
        for (Map.Entry<Integer, Map<Long, List<String>>> group : byLength.entrySet()) {
            int length = group.getKey();
            if (text.length() < length) {
                continue;
            }
            long highest = 1;
            for (int i = 1; i < length; i++) {
                highest *= BASE;
            }
            long rolling = hash(text, 0, length);
            for (int start = 0; ; start++) {
                List<String> candidates = group.getValue().get(rolling);
                if (candidates != null) {
                    for (String candidate : candidates) {
                        if (text.startsWith(candidate, start)) {
                            hits.add(candidate);
                        }
                    }
                }
                if (start + length >= text.length()) {
                    break;
                }
                rolling = (rolling - text.charAt(start) * highest) * BASE + text.charAt(start + length);
            }
        }
        return hits;
    }

    private static long hash(String text, int from, int to) {
        long h = 0;
        for (int i = from; i < to; i++) {
            h = h * BASE + text.charAt(i);
        }
        return h;
    }
}
