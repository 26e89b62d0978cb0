package org.gbx.chaincode.model;

import java.util.List;

/** Everything the chaincode holds about one request's past: its versions and its access records. */
public record AuditTrail(String requestId, List<HistoryEntry> history, List<AccessRecord> accesses) {
}
