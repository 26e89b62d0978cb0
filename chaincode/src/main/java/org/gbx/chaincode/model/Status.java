package org.gbx.chaincode.model;

/** Where a request is in its lifecycle; the moves between them are in {@code Lifecycle}. */
public enum Status {
    PENDING,
    APPROVED,
    PARTIALLY_APPROVED,
    REJECTED,
    DELIVERED,
    RECEIVED,
    ACCESSED,
    REVOKED,
    EXPIRED,
    DESTROYED,
    /** The holder searched its records under the grant and none matched: nothing will be delivered. */
    NO_MATCH
}
