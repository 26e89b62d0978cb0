package org.gbx.client.ledger;

/**
 * A transaction that committed as valid.
 *
 * @param attempts how many proposals it took (more than one after read conflicts)
 */
public record SubmitReceipt(String transactionId, long blockNumber, int attempts) {
}
