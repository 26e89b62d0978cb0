package org.gbx.client.ledger;

import java.time.Instant;

/** A connectivity check written by {@code Ping}: who wrote it and at which transaction time. */
public record PingRecord(String pingId, String mspId, Instant at) {
}
