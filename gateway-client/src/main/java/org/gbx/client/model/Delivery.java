package org.gbx.client.model;

import java.time.Instant;
import java.util.List;

/** The package the target force sent, identified by its hash and Merkle root. */
public record Delivery(String packageHash, String merkleRoot, long recordCount, long sizeBytes,
        String sourceReliability, int informationAccuracy, List<DataCategory> categories, String deliveredBy,
        Instant deliveredAt) {
}
