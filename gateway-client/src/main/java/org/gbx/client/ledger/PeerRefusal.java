package org.gbx.client.ledger;

/**
 * What one organisation's peer answered when it did not endorse or evaluate a transaction, as
 * reported by the Fabric Gateway.
 *
 * @param mspId   the organisation whose peer answered
 * @param address the peer's endpoint
 * @param message the peer's message (for a chaincode refusal, "chaincode response 500, ...")
 */
public record PeerRefusal(String mspId, String address, String message) {
}
