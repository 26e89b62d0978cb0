package org.gbx.chaincode.model;

import java.time.Instant;

/** Proof that an organisation could write to the ledger at a given time. */
public record PingRecord(String pingId, String mspId, Instant at) {
}
