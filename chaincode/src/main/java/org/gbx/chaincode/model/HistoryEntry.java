package org.gbx.chaincode.model;

import java.time.Instant;

/** One committed version of a request, as the peer's history database holds it. */
public record HistoryEntry(String txId, Instant timestamp, boolean deleted, ExchangeRequest record) {
}
