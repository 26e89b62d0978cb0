package org.gbx.client.nodeapi;

import java.util.List;
import org.gbx.client.crypto.RequestKey;

/**
 * What the exchange node does for its own force's officers, behind {@link NodeApiServer}. Each
 * method checks the caller's role and the ledger itself, and throws {@link NodeApiException}.
 */
public interface OfficerDesk {

    NodeGreeting hello(Officer caller);

    /** A liaison hands over the key of a request they are about to create (matched against the ledger later). */
    void putDetailsKey(Officer caller, String requestId, RequestKey key);

    /** A liaison withdraws a key whose request the ledger refused; true if it was held and pending. */
    boolean dropDetailsKey(Officer caller, String requestId, String commitment);

    /** A liaison or approver reads a request's case-details key, once it matches the ledger. */
    RequestKey detailsKey(Officer caller, String requestId);

    HeldPackage heldPackage(Officer caller, String requestId);

    /** The received records, for an access the ledger recorded for this very officer. */
    List<ReceivedRecord> recordsForAccess(Officer caller, String requestId, int sequence, String transactionId);

    /** Erases the received data of a request; true if there was any. */
    boolean destroyReceived(Officer caller, String requestId);

    /** One received record by id, for an evidence ask or bundle. */
    String receivedRecord(Officer caller, String requestId, String recordId);
}
