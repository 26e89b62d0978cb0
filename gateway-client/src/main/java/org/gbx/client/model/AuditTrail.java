package org.gbx.client.model;

import java.util.List;

/** Everything the chaincode holds about one request's past: its versions (oldest first) and its access records. */
public record AuditTrail(String requestId, List<HistoryEntry> history, List<AccessRecord> accesses) {
}
