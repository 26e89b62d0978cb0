package org.gbx.chaincode.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Committed state of a one-peer-per-org test channel: world state, private collections,
 * key-level policies, key history and the events of committed transactions. Writes reach
 * it only when a transaction commits, as on a real peer.
 */
public final class InMemoryLedger {
    final NavigableMap<String, byte[]> state = new TreeMap<>();
    final Map<String, NavigableMap<String, byte[]>> privateData = new HashMap<>();
    final Map<String, byte[]> validationParameters = new HashMap<>();
    final Map<String, List<HistoryRecord>> history = new HashMap<>();
    final List<Event> events = new ArrayList<>();
    private int transactions;

    public record Event(String txId, String name, byte[] payload) {
    }

    record HistoryRecord(String txId, Instant timestamp, byte[] value) {
    }

    String nextTxId() {
        return String.format("tx%06d", ++transactions);
    }

    public NavigableMap<String, byte[]> publicState() {
        return state;
    }

    /** Public state without the forces' registrations, which every test channel starts with. */
    public NavigableMap<String, byte[]> exchangeState() {
        NavigableMap<String, byte[]> exchange = new TreeMap<>(state);
        exchange.keySet().removeIf(key -> key.startsWith("suspension~"));
        return exchange;
    }

    public NavigableMap<String, byte[]> collection(String name) {
        return privateData.getOrDefault(name, new TreeMap<>());
    }

    public byte[] validationParameter(String key) {
        return validationParameters.get(key);
    }

    public List<Event> events() {
        return events;
    }
}
