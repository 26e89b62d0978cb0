package org.gbx.chaincode.model;

import java.time.Instant;
import java.util.SortedSet;

/** The package the target force sent, identified by its hash and Merkle root. */
public record Delivery(
        String packageHash,
        String merkleRoot,
        long recordCount,
        long sizeBytes,
        SourceReliability sourceReliability,
        int informationAccuracy,
        SortedSet<DataCategory> categories,
        String deliveredBy,
        Instant deliveredAt) {

    public Delivery {
        categories = DataCategory.canonical(categories);
    }
}
