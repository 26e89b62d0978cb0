package org.gbx.client.delivery;

import java.util.List;

/** The delivery as the ledger records it: what an incoming package must match before it is stored. */
public record ExpectedDelivery(String requestId, String senderOrg, String requesterOrg, String packageHash,
        String merkleRoot, int recordCount, long sizeBytes, List<String> categories) {

    public ExpectedDelivery {
        categories = List.copyOf(categories);
    }
}
