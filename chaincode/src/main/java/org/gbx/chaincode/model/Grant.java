package org.gbx.chaincode.model;

import java.time.Instant;
import java.util.SortedSet;

/** What the target force granted: a subset of the requested categories, for a limited time. */
public record Grant(
        SortedSet<DataCategory> categories,
        Instant expiresAt,
        int maxAccesses,
        Instant destroyBy,
        String conditions,
        String approvedBy,
        Instant approvedAt) {

    public Grant {
        categories = DataCategory.canonical(categories);
    }
}
