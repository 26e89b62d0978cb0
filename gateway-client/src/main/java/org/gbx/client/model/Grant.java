package org.gbx.client.model;

import java.time.Instant;
import java.util.List;

/** What the target force granted: a subset of the requested categories, for a limited time. */
public record Grant(List<DataCategory> categories, Instant expiresAt, int maxAccesses, Instant destroyBy,
        String conditions, String approvedBy, Instant approvedAt) {
}
