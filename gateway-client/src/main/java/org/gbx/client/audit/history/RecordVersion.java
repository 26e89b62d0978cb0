package org.gbx.client.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One version of a ledger record as a valid transaction wrote it: which transaction, where in the
 * chain, when (the transaction's timestamp), and the record's JSON exactly as written.
 */
public record RecordVersion(String transactionId, long block, Instant timestamp, String function, JsonNode record) {
}
