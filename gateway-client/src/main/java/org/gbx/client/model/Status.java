package org.gbx.client.model;

/** Where a request is in its lifecycle (docs/ledger.md, Lifecycle). */
public enum Status {
    PENDING, APPROVED, PARTIALLY_APPROVED, REJECTED, DELIVERED, RECEIVED, ACCESSED, REVOKED, EXPIRED, DESTROYED,
    /** The holder found no records matching the grant: nothing will be delivered. */
    NO_MATCH
}
