package org.gbx.client.evidence;

import org.gbx.client.nodeapi.NodeApiClient;
import org.gbx.client.nodeapi.NodeApiException;

/** Where the requesting force's received records come from: its exchange node, which alone holds them. */
@FunctionalInterface
public interface ReceivedRecordSource {

    /**
     * The canonical bytes of a received record, as the package delivered them.
     *
     * @throws EvidenceException RECORD_NOT_HELD when the force holds no such record
     */
    String record(String requestId, String recordId);

    /** The force's own node, through its local API. */
    static ReceivedRecordSource of(NodeApiClient node) {
        return (requestId, recordId) -> {
            try {
                return node.receivedRecord(requestId, recordId);
            } catch (NodeApiException e) {
                if (e.reason() == NodeApiException.Reason.NOT_HELD) {
                    throw new EvidenceException(EvidenceException.Reason.RECORD_NOT_HELD, recordId, requestId);
                }
                throw e;
            }
        };
    }
}
