package org.gbx.client.model;

/** Where a request is in its lifecycle (docs/ledger.md, Lifecycle). */
public enum Status {
    PENDING, APPROVED, PARTIALLY_APPROVED, REJECTED, DELIVERED, RECEIVED, ACCESSED, REVOKED, EXPIRED, DESTROYED
}
