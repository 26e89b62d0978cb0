package org.gbx.chaincode.testing;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * One transaction's view of an {@link InMemoryLedger}: reads see committed state only,
 * writes are buffered and reach the ledger on {@link #commit()}, so a refused transaction
 * leaves nothing behind. Calls the contract does not make are unsupported.
 */
public final class FakeStub implements ChaincodeStub {
    private static final byte[] DELETED = new byte[0];

    private final InMemoryLedger ledger;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final String mspId;
    private final Map<String, byte[]> transientData;
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    private final Map<String, Map<String, byte[]>> privateWrites = new LinkedHashMap<>();
    private final Map<String, byte[]> policyWrites = new HashMap<>();
    private String eventName;
    private byte[] eventPayload;
    private List<String> args = List.of();

    public FakeStub(InMemoryLedger ledger, Instant timestamp, byte[] creator, String mspId, Map<String, byte[]> transientData) {
        this.ledger = ledger;
        this.txId = ledger.nextTxId();
        this.timestamp = timestamp;
        this.creator = creator;
        this.mspId = mspId;
        this.transientData = Map.copyOf(transientData);
    }

    /** The function name and arguments, for invocations routed by the shim's ContractRouter. */
    public FakeStub withArgs(String function, String... parameters) {
        List<String> all = new ArrayList<>();
        all.add(function);
        all.addAll(List.of(parameters));
        args = List.copyOf(all);
        return this;
    }

    public void commit() {
        writes.forEach((key, value) -> {
            if (value == DELETED) {
                ledger.state.remove(key);
            } else {
                ledger.state.put(key, value);
            }
            ledger.history.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new InMemoryLedger.HistoryRecord(txId, timestamp, value));
        });
        privateWrites.forEach((collection, values) -> values.forEach((key, value) -> {
            NavigableMap<String, byte[]> stored = ledger.privateData.computeIfAbsent(collection, c -> new TreeMap<>());
            if (value == DELETED) {
                stored.remove(key);
            } else {
                stored.put(key, value);
            }
        }));
        ledger.validationParameters.putAll(policyWrites);
        if (eventName != null) {
            ledger.events.add(new InMemoryLedger.Event(txId, eventName, eventPayload));
        }
    }

    @Override
    public byte[] getState(String key) {
        return ledger.state.get(key);
    }

    @Override
    public void putState(String key, byte[] value) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("an empty value would delete " + key);
        }
        writes.put(key, value.clone());
    }

    @Override
    public void delState(String key) {
        writes.put(key, DELETED);
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        return ledger.validationParameters.get(key);
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        policyWrites.put(key, value.clone());
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey key) {
        return iterator(scan(key.toString(), "", Integer.MAX_VALUE));
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey key, int pageSize, String bookmark) {
        List<KeyValue> page = scan(key.toString(), bookmark, pageSize + 1);
        String next = page.size() > pageSize ? page.remove(pageSize).getKey() : "";
        QueryResponseMetadata metadata = QueryResponseMetadata.newBuilder()
                .setBookmark(next).setFetchedRecordsCount(page.size()).build();
        return new QueryResultsIteratorWithMetadata<>() {
            @Override
            public QueryResponseMetadata getMetadata() {
                return metadata;
            }

            @Override
            public void close() {
            }

            @Override
            public Iterator<KeyValue> iterator() {
                return page.iterator();
            }
        };
    }

    private List<KeyValue> scan(String prefix, String from, int limit) {
        List<KeyValue> results = new ArrayList<>();
        String start = from.isEmpty() ? prefix : from;
        for (Map.Entry<String, byte[]> entry : ledger.state.tailMap(start, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix) || results.size() == limit) {
                break;
            }
            results.add(keyValue(entry.getKey(), entry.getValue()));
        }
        return results;
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        List<KeyModification> changes = new ArrayList<>();
        for (InMemoryLedger.HistoryRecord record : ledger.history.getOrDefault(key, List.of())) {
            changes.add(new KeyModification() {
                @Override
                public String getTxId() {
                    return record.txId();
                }

                @Override
                public byte[] getValue() {
                    return record.value();
                }

                @Override
                public String getStringValue() {
                    return new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
                }

                @Override
                public Instant getTimestamp() {
                    return record.timestamp();
                }

                @Override
                public boolean isDeleted() {
                    return record.value().length == 0;
                }
            });
        }
        // Fabric's history database yields a key's versions newest first.
        Collections.reverse(changes);
        return iterator(changes);
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        requireDefined(collection);
        return ledger.collection(collection).get(key);
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        requireDefined(collection);
        byte[] value = ledger.collection(collection).get(key);
        if (value == null) {
            return new byte[0];
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Like the peer: an implicit collection exists only for an organisation of the channel. */
    private static void requireDefined(String collection) {
        String prefix = "_implicit_org_";
        if (collection.startsWith(prefix) && !Forces.CHANNEL.contains(collection.substring(prefix.length()))) {
            throw new RuntimeException("collection " + collection + " could not be found");
        }
    }

    /**
     * The organisations whose peers Fabric's validation requires for this transaction if it
     * committed now, besides the chaincode-level policy: for each key written (value or policy) the
     * organisations of its committed key-level policy, and for each write into an implicit collection
     * that collection's organisation (its channel Endorsement policy). A key written without either
     * falls back to the chaincode-level policy, reported as {@code chaincode}.
     */
    public SortedSet<String> requiredEndorsers() {
        SortedSet<String> required = new TreeSet<>();
        Set<String> keys = new LinkedHashSet<>(writes.keySet());
        keys.addAll(policyWrites.keySet());
        for (String key : keys) {
            byte[] policy = ledger.validationParameters.get(key);
            if (policy == null) {
                required.add("chaincode");
            } else {
                required.addAll(DecodedKeyPolicy.of(policy).mspIds());
            }
        }
        privateWrites.keySet().forEach(collection -> required.add(collection.substring("_implicit_org_".length())));
        return required;
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        requireDefined(collection);
        privateWrites.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(key, value.clone());
    }

    @Override
    public void delPrivateData(String collection, String key) {
        privateWrites.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(key, DELETED);
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        requireDefined(collection);
        delPrivateData(collection, key);
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        eventName = name;
        eventPayload = payload.clone();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return eventName == null ? null
                : ChaincodeEvent.newBuilder().setEventName(eventName).setPayload(ByteString.copyFrom(eventPayload)).build();
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    @Override
    public String getMspId() {
        return mspId;
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return transientData;
    }

    @Override
    public String getChannelId() {
        return "gba-exchange";
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    private static KeyValue keyValue(String key, byte[] value) {
        return new KeyValue() {
            @Override
            public String getKey() {
                return key;
            }

            @Override
            public byte[] getValue() {
                return value;
            }

            @Override
            public String getStringValue() {
                return new String(value, java.nio.charset.StandardCharsets.UTF_8);
            }
        };
    }

    private static <T> QueryResultsIterator<T> iterator(List<T> items) {
        return new QueryResultsIterator<>() {
            @Override
            public void close() {
            }

            @Override
            public Iterator<T> iterator() {
                return items.iterator();
            }
        };
    }

    // The contract never calls these; a call means the stub needs extending, not a silent answer.

    @Override
    public List<byte[]> getArgs() {
        return args.stream().map(arg -> arg.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    @Override
    public List<String> getStringArgs() {
        return args;
    }

    @Override
    public String getFunction() {
        return args.isEmpty() ? null : args.get(0);
    }

    @Override
    public List<String> getParameters() {
        return args.isEmpty() ? List.of() : args.subList(1, args.size());
    }

    @Override
    public Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        throw unsupported();
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            String startKey, String endKey, int pageSize, String bookmark) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw unsupported();
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            String query, int pageSize, String bookmark) {
        throw unsupported();
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw unsupported();
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, CompositeKey key) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, String objectType, String... attributes) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw unsupported();
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unsupported();
    }

    @Override
    public byte[] getBinding() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not used by the exchange contract");
    }
}
