package org.gbx.client.model;

import java.time.Instant;
import java.util.List;

/** What an approver grants ({@code grantJson}): never more than was asked, always time-limited. */
public record GrantTerms(List<DataCategory> categories, Instant expiresAt, Instant destroyBy, int maxAccesses,
        String conditions) {
}
