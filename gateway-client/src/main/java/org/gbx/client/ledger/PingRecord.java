package org.gbx.client.ledger;

/** A connectivity check written by {@code Ping}: who wrote it and in which transaction. */
public record PingRecord(String pingId, String mspId, String txId, String timestamp) {
}
