package org.gbx.chaincode.ledger;

import static org.gbx.chaincode.ErrorCode.NOT_FOUND;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.gbx.chaincode.model.AccessRecord;
import org.gbx.chaincode.model.ExchangeRequest;
import org.gbx.chaincode.model.HistoryEntry;
import org.gbx.chaincode.model.Page;
import org.gbx.chaincode.model.Status;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * Requests in public state, with their status indexes and access records. Every key of a
 * request carries a policy requiring both of its forces, so neither can change it alone. A key's
 * policy is set once, when the key is created (Fabric keeps it through later writes): re-setting it
 * on every change would make a second change to the same request in one block fail as an
 * endorsement-policy failure instead of the read conflict it is.
 */
public final class RequestLedger {
    /** Index entries carry no data; an empty value would mean "delete" to Fabric. */
    private static final byte[] INDEX_MARKER = "{}".getBytes(StandardCharsets.UTF_8);

    private final ChaincodeStub stub;

    public RequestLedger(ChaincodeStub stub) {
        this.stub = stub;
    }

    public Optional<ExchangeRequest> find(String requestId) {
        byte[] value = stub.getState(LedgerKeys.request(requestId));
        return value == null || value.length == 0
                ? Optional.empty()
                : Optional.of(LedgerJson.read(value, ExchangeRequest.class));
    }

    public ExchangeRequest load(String requestId) {
        return find(requestId).orElseThrow(() -> NOT_FOUND.refuse("no request with this id"));
    }

    public void create(ExchangeRequest request) {
        putForForces(LedgerKeys.request(request.requestId()), LedgerJson.bytes(request), request);
        index(request);
    }

    public void update(ExchangeRequest before, ExchangeRequest after) {
        stub.putState(LedgerKeys.request(after.requestId()), LedgerJson.bytes(after));
        if (before.status() != after.status()) {
            unindex(before);
            index(after);
        }
    }

    /**
     * Makes this transaction need the request's own endorsement policy, for a transaction that
     * creates a key of the request without changing the request record: the new key alone would
     * fall back to the chaincode-level policy. Fabric validates a transaction against the policy of
     * every key it writes, metadata included, so re-setting the record's policy (to the same value)
     * is enough; the record and its history stay as they are.
     */
    public void requireForcesToEndorse(ExchangeRequest request) {
        stub.setStateValidationParameter(LedgerKeys.request(request.requestId()), KeyPolicies.allOf(request.forces()));
    }

    public void addAccess(ExchangeRequest request, AccessRecord access) {
        putForForces(LedgerKeys.access(access.requestId(), access.sequence()), LedgerJson.bytes(access), request);
    }

    public List<AccessRecord> accesses(String requestId) {
        List<AccessRecord> accesses = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(LedgerKeys.accessesOf(requestId))) {
            results.forEach(kv -> accesses.add(LedgerJson.read(kv.getValue(), AccessRecord.class)));
        } catch (Exception e) {
            throw rethrown(e);
        }
        return accesses;
    }

    /** One page of an organisation's requests (as requester or target), in one status or any. */
    public Page page(String mspId, Status status, int pageSize, String bookmark) {
        List<ExchangeRequest> records = new ArrayList<>();
        try (QueryResultsIteratorWithMetadata<KeyValue> results = stub.getStateByPartialCompositeKeyWithPagination(
                LedgerKeys.orgStatusPrefix(mspId, status), pageSize, bookmark)) {
            results.forEach(kv -> records.add(load(LedgerKeys.requestIdOfIndex(kv.getKey()))));
            return new Page(records, results.getMetadata().getBookmark());
        } catch (Exception e) {
            throw rethrown(e);
        }
    }

    /** All requests currently in any of {@code statuses}, by status then id. */
    public List<ExchangeRequest> inStatuses(Collection<Status> statuses) {
        List<ExchangeRequest> records = new ArrayList<>();
        for (Status status : statuses) {
            try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(LedgerKeys.statusPrefix(status))) {
                results.forEach(kv -> records.add(load(LedgerKeys.requestIdOfIndex(kv.getKey()))));
            } catch (Exception e) {
                throw rethrown(e);
            }
        }
        return records;
    }

    /**
     * Every committed version of the request, oldest first. The peer yields them newest first, in
     * commit order; reversing keeps that order, where sorting by timestamp would trust the clocks
     * of the clients that proposed each version.
     */
    public List<HistoryEntry> history(String requestId) {
        List<HistoryEntry> entries = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> results = stub.getHistoryForKey(LedgerKeys.request(requestId))) {
            for (KeyModification change : results) {
                ExchangeRequest record = change.isDeleted() ? null : LedgerJson.read(change.getValue(), ExchangeRequest.class);
                entries.add(new HistoryEntry(change.getTxId(), change.getTimestamp(), change.isDeleted(), record));
            }
        } catch (Exception e) {
            throw rethrown(e);
        }
        Collections.reverse(entries);
        return entries;
    }

    private void index(ExchangeRequest request) {
        for (String org : request.forces()) {
            putForForces(LedgerKeys.orgStatusIndex(org, request.status(), request.requestId()), INDEX_MARKER, request);
        }
        putForForces(LedgerKeys.statusIndex(request.status(), request.requestId()), INDEX_MARKER, request);
    }

    private void unindex(ExchangeRequest request) {
        for (String org : request.forces()) {
            stub.delState(LedgerKeys.orgStatusIndex(org, request.status(), request.requestId()));
        }
        stub.delState(LedgerKeys.statusIndex(request.status(), request.requestId()));
    }

    /** Writes a new key of the request with the policy of its two forces. */
    private void putForForces(String key, byte[] value, ExchangeRequest request) {
        stub.putState(key, value);
        stub.setStateValidationParameter(key, KeyPolicies.allOf(request.forces()));
    }

    private static RuntimeException rethrown(Exception e) {
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException("cannot close a ledger query", e);
    }
}
