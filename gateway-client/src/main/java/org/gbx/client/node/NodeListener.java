package org.gbx.client.node;

import org.gbx.client.transfer.TransferListener;

/** Told what the node did, for progress display and tests. No personal data passes through here. */
public interface NodeListener extends TransferListener {

    NodeListener NONE = new NodeListener() { };

    default void delivered(String requestId, String packageHash, String transactionId) {
    }

    /** The node searched its records for a grant, found none, and recorded that on the ledger. */
    default void noMatch(String requestId, String transactionId) {
    }

    default void received(String requestId, String packageHash, String transactionId) {
    }

    default void rejected(String requestId, String reason, String transactionId) {
    }

    default void failed(String requestId, String message) {
    }

    /** A request's case-details key matched the ledger and is held (for the target: it arrived). */
    default void keyConfirmed(String requestId) {
    }

    /** The request was destroyed: every key of it is erased from this node. */
    default void keysErased(String requestId) {
    }

    @Override
    default void verified(String requestId, int verified, int total) {
    }
}
