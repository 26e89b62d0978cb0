package org.gbx.chaincode.ledger;

import org.gbx.chaincode.model.Status;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/** Every key the chaincode reads or writes, public and private, in one place. */
public final class LedgerKeys {
    private static final String ACCESS = "access";
    private static final String ENDORSEMENT = "endorsement";
    private static final String ORG_STATUS = "org-status";
    private static final String STATUS = "status";
    private static final String LOOKUP_KEY = "lookup-key";
    private static final String LOOKUP_COUNT = "lookup-count";

    private LedgerKeys() {
    }

    public static String request(String requestId) {
        return "request~" + requestId;
    }

    public static String ping(String pingId) {
        return "ping~" + pingId;
    }

    /** The benchmark baseline's own namespace; never read by the exchange. */
    public static String bench(String key) {
        return "bench~" + key;
    }

    public static String suspension(String mspId) {
        return "suspension~" + mspId;
    }

    /** Key of the case details inside each force's implicit collection. */
    public static String details(String requestId) {
        return "details~" + requestId;
    }

    /** Fabric's implicit per-organisation collection: no collection config per pair of forces. */
    public static String implicitCollection(String mspId) {
        return "_implicit_org_" + mspId;
    }

    public static String lookup(String lookupId) {
        return "lookup~" + lookupId;
    }

    /** A holder's lookup key of one epoch, zero-padded so that epochs list in order. */
    public static String lookupKey(String mspId, int epoch) {
        return new CompositeKey(LOOKUP_KEY, mspId, String.format("%06d", epoch)).toString();
    }

    public static CompositeKey lookupKeysOf(String mspId) {
        return new CompositeKey(LOOKUP_KEY, mspId);
    }

    /** Inside the holder's implicit collection: makes its own peer's endorsement necessary. */
    public static String lookupKeyMarker(int epoch) {
        return "lookup-key~" + epoch;
    }

    /** An officer's count of lookups on one day (UTC+8), for the daily cap. */
    public static String lookupCount(String mspId, String officer, java.time.LocalDate day) {
        return new CompositeKey(LOOKUP_COUNT, mspId, officer, day.toString()).toString();
    }

    /** Zero-padded so that accesses list in order. */
    public static String access(String requestId, int sequence) {
        return new CompositeKey(ACCESS, requestId, String.format("%06d", sequence)).toString();
    }

    /** One endorsement per delivered record of a request, named by its Merkle leaf hash. */
    public static String endorsement(String requestId, String leafHash) {
        return new CompositeKey(ENDORSEMENT, requestId, leafHash).toString();
    }

    public static CompositeKey accessesOf(String requestId) {
        return new CompositeKey(ACCESS, requestId);
    }

    public static String orgStatusIndex(String mspId, Status status, String requestId) {
        return new CompositeKey(ORG_STATUS, mspId, status.name(), requestId).toString();
    }

    /** Partial key over one organisation's requests, in one status or (null) in any. */
    public static CompositeKey orgStatusPrefix(String mspId, Status status) {
        return status == null ? new CompositeKey(ORG_STATUS, mspId) : new CompositeKey(ORG_STATUS, mspId, status.name());
    }

    public static String statusIndex(Status status, String requestId) {
        return new CompositeKey(STATUS, status.name(), requestId).toString();
    }

    public static CompositeKey statusPrefix(Status status) {
        return new CompositeKey(STATUS, status.name());
    }

    /** The request id is the last attribute of every index key. */
    public static String requestIdOfIndex(String indexKey) {
        var attributes = CompositeKey.parseCompositeKey(indexKey).getAttributes();
        return attributes.get(attributes.size() - 1);
    }
}
