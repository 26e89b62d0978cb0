package org.gbx.client.node;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gbx.client.crypto.RequestKey;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.nodeapi.HeldPackage;
import org.gbx.client.nodeapi.NodeApiException;
import org.gbx.client.nodeapi.NodeApiException.Reason;
import org.gbx.client.nodeapi.NodeGreeting;
import org.gbx.client.nodeapi.Officer;
import org.gbx.client.nodeapi.OfficerDesk;
import org.gbx.client.nodeapi.ReceivedRecord;
import org.gbx.client.records.ReceivedStore;

/**
 * What the node does for its own force's officers through its local API: the keys of case
 * details, the received data and the local access log. Received records are handed out only for
 * an access the ledger recorded for the very officer asking, so gbx cannot read data it did not
 * first account for on the ledger.
 */
final class OfficerService implements OfficerDesk {

    /** How long after its access was recorded the records may be asked for again (a dropped connection). */
    static final Duration ACCESS_WINDOW = Duration.ofMinutes(15);
    private static final Set<String> LIAISON = Set.of(Officer.LIAISON);
    private static final Set<String> FORCE_OFFICERS = Set.of(Officer.LIAISON, Officer.APPROVER);

    private final String mspId;
    private final ExchangeLedger ledger;
    private final DetailsKeys keys;
    private final ReceivedStore received;

    OfficerService(String mspId, ExchangeLedger ledger, DetailsKeys keys, ReceivedStore received) {
        this.mspId = mspId;
        this.ledger = ledger;
        this.keys = keys;
        this.received = received;
    }

    @Override
    public NodeGreeting hello(Officer caller) {
        return new NodeGreeting(mspId, caller.officer(), caller.role().orElse(null));
    }

    @Override
    public void putDetailsKey(Officer caller, String requestId, RequestKey key) {
        caller.require(LIAISON, "hand over the key of a new request");
        keys.acceptFromOfficer(validId(requestId), key);
    }

    @Override
    public boolean dropDetailsKey(Officer caller, String requestId, String commitment) {
        caller.require(LIAISON, "withdraw the key of a request");
        return keys.drop(validId(requestId), commitment);
    }

    @Override
    public RequestKey detailsKey(Officer caller, String requestId) {
        caller.require(FORCE_OFFICERS, "read case details");
        return keys.confirmedKey(validId(requestId)).orElseThrow(() -> new NodeApiException(Reason.NOT_HELD,
                "this force's node holds no key for the case details of request " + requestId
                        + " (not handed over yet, or destroyed)"));
    }

    @Override
    public HeldPackage heldPackage(Officer caller, String requestId) {
        caller.require(LIAISON, "use received data");
        return received.storedPackage(validId(requestId))
                .map(p -> new HeldPackage(p.requestId(), p.packageHash(), p.recordCount()))
                .orElseThrow(() -> notHeld(requestId));
    }

    @Override
    public List<ReceivedRecord> recordsForAccess(Officer caller, String requestId, int sequence, String transactionId) {
        caller.require(LIAISON, "use received data");
        AccessRecord access = ledger.listAccesses(validId(requestId)).stream()
                .filter(a -> a.sequence() == sequence).findFirst()
                .orElseThrow(() -> new NodeApiException(Reason.REFUSED, "access " + sequence + " to request "
                        + requestId + " is not on the ledger; record the access first"));
        if (!access.officer().equals(caller.officer())) {
            throw new NodeApiException(Reason.NOT_ALLOWED, "access " + sequence + " to request " + requestId
                    + " was recorded by another officer");
        }
        if (access.accessedAt().plus(ACCESS_WINDOW).isBefore(Instant.now())) {
            throw new NodeApiException(Reason.REFUSED, "access " + sequence + " to request " + requestId
                    + " was recorded more than " + ACCESS_WINDOW.toMinutes() + " minutes ago; record a new access");
        }
        List<ReceivedStore.StoredRecord> records = received.records(requestId);
        if (records.isEmpty()) {
            throw notHeld(requestId);
        }
        received.logAccess(requestId, sequence, access.accessedAt(), access.officer(), transactionId);
        return records.stream().map(r -> new ReceivedRecord(r.position(), r.category(), r.recordId(),
                r.canonicalJson(), r.clip().map(Object::toString).orElse(null))).toList();
    }

    @Override
    public boolean destroyReceived(Officer caller, String requestId) {
        caller.require(LIAISON, "destroy received data");
        return received.destroy(validId(requestId));
    }

    @Override
    public String receivedRecord(Officer caller, String requestId, String recordId) {
        caller.require(LIAISON, "use received data");
        return received.records(validId(requestId)).stream().filter(r -> r.recordId().equals(recordId))
                .map(ReceivedStore.StoredRecord::canonicalJson).findFirst()
                .orElseThrow(() -> new NodeApiException(Reason.NOT_HELD, "this force's node holds no record "
                        + recordId + " of request " + requestId));
    }

    private static NodeApiException notHeld(String requestId) {
        return new NodeApiException(Reason.NOT_HELD, "this force's node holds no received data for request "
                + requestId + " (not delivered and verified yet, or destroyed)");
    }

    private static String validId(String requestId) {
        if (!RequestIds.isValid(requestId)) {
            throw new NodeApiException(Reason.INVALID, "not a request id");
        }
        return requestId;
    }
}
