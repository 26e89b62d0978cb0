package org.gbx.client.audit.history;

import java.util.List;
import java.util.Set;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.AuditTrail;
import org.gbx.client.model.HistoryEntry;

/** What the chaincode itself reports about the requests, to be compared with the rebuilt histories. */
public interface ChaincodeView {

    /** Every request id the chaincode lists for any force. */
    Set<String> requestIds();

    /** {@code GetHistory}: the request's versions, oldest first. */
    List<HistoryEntry> history(String requestId);

    /** {@code ListAccesses}: the request's access records, by sequence. */
    List<AccessRecord> accesses(String requestId);

    /** History and accesses of several requests, in the order asked; a view that can ask for many at once overrides this. */
    default List<AuditTrail> trails(List<String> requestIds) {
        return requestIds.stream().map(id -> new AuditTrail(id, history(id), accesses(id))).toList();
    }
}
