package org.gbx.chaincode.ledger;

import static org.gbx.chaincode.ErrorCode.NOT_FOUND;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.gbx.chaincode.identity.Hashes;
import org.gbx.chaincode.model.LookupKey;
import org.gbx.chaincode.model.LookupQuota;
import org.gbx.chaincode.model.LookupRecord;
import org.gbx.chaincode.rules.LookupRules;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * Lookup keys, lookups and the officers' daily counts in public state. Endorsement: a lookup is
 * written with a hash of itself into the implicit collections of both its forces, whose writes
 * Fabric lets only that force's own peers endorse; so a lookup commits only with a peer of the
 * asker and a peer of the holder, never with the committee standing in for either. A key is
 * likewise marked in its holder's collection.
 */
public final class Lookups {

    private final ChaincodeStub stub;

    public Lookups(ChaincodeStub stub) {
        this.stub = stub;
    }

    public Optional<LookupKey> latestKey(String mspId) {
        LookupKey latest = null;
        try (QueryResultsIterator<KeyValue> keys = stub.getStateByPartialCompositeKey(LedgerKeys.lookupKeysOf(mspId))) {
            for (KeyValue entry : keys) {
                latest = LedgerJson.read(entry.getValue(), LookupKey.class);
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot close the key range", e);
        }
        return Optional.ofNullable(latest);
    }

    public Optional<LookupKey> key(String mspId, int epoch) {
        return read(LedgerKeys.lookupKey(mspId, epoch), LookupKey.class);
    }

    /** A new epoch's key under its holder's policy, or the same epoch's refreshed set. */
    public void putKey(LookupKey key, boolean created) {
        String stateKey = LedgerKeys.lookupKey(key.org(), key.epoch());
        byte[] value = LedgerJson.bytes(key);
        stub.putState(stateKey, value);
        if (created) {
            stub.setStateValidationParameter(stateKey, KeyPolicies.allOf(List.of(key.org())));
        }
        stub.putPrivateData(LedgerKeys.implicitCollection(key.org()), LedgerKeys.lookupKeyMarker(key.epoch()),
                Hashes.sha256Hex(value).getBytes(StandardCharsets.UTF_8));
    }

    public Optional<LookupRecord> find(String lookupId) {
        return read(LedgerKeys.lookup(lookupId), LookupRecord.class);
    }

    public LookupRecord load(String lookupId) {
        return find(lookupId).orElseThrow(() -> NOT_FOUND.refuse("no lookup with this id"));
    }

    /** Records a new lookup and counts it against its officer's day. */
    public void record(LookupRecord lookup) {
        put(lookup, true);
        stub.putState(LedgerKeys.lookupCount(lookup.askerOrg(), lookup.officer(), lookup.day()),
                Integer.toString(lookup.dailySequence()).getBytes(StandardCharsets.UTF_8));
    }

    /** The lookup, now naming the request it led to (created by both forces, like the lookup). */
    public void update(LookupRecord lookup) {
        put(lookup, false);
    }

    private void put(LookupRecord lookup, boolean created) {
        String key = LedgerKeys.lookup(lookup.lookupId());
        byte[] value = LedgerJson.bytes(lookup);
        stub.putState(key, value);
        if (created) {
            stub.setStateValidationParameter(key, KeyPolicies.allOf(List.of(lookup.askerOrg(), lookup.holderOrg())));
        }
        byte[] marker = Hashes.sha256Hex(value).getBytes(StandardCharsets.UTF_8);
        for (String org : List.of(lookup.askerOrg(), lookup.holderOrg())) {
            stub.putPrivateData(LedgerKeys.implicitCollection(org), key, marker);
        }
    }

    public LookupQuota quota(String mspId, String officer, java.time.LocalDate day) {
        byte[] count = stub.getState(LedgerKeys.lookupCount(mspId, officer, day));
        int used = count == null || count.length == 0 ? 0 : Integer.parseInt(new String(count, StandardCharsets.UTF_8));
        return new LookupQuota(officer, day, used, LookupRules.DAILY_CAP);
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? Optional.empty() : Optional.of(LedgerJson.read(value, type));
    }
}
