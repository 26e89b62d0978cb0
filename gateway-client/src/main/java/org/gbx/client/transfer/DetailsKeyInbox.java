package org.gbx.client.transfer;

/** Takes the case-details key of a request from the requesting force's node (node to node, mutual TLS 1.3). */
public interface DetailsKeyInbox {

    /** Takes no keys: a server that only serves packages (benchmarks, tests). */
    DetailsKeyInbox NONE = (requestId, key, senderMspId) -> {
        throw new TransferRefusedException(TransferRefusedException.Reason.NO_PACKAGE, "this node takes no keys");
    };

    /**
     * Stores the key durably before returning: the return is the acknowledgement the sender records.
     *
     * @param senderMspId the organisation whose TLS CA issued the caller's certificate
     * @throws TransferRefusedException when this node will not take it (NOT_THE_REQUESTER when the
     *     ledger names another requester or another target)
     */
    void accept(String requestId, byte[] key, String senderMspId);
}
