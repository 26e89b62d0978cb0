package org.gbx.chaincode.model;

/** Restrictions the requester accepts on the use of the data. */
public enum HandlingCode {
    /** Use only for the stated purpose. */
    H0,
    /** Not for judicial proceedings without the provider's consent. */
    H1,
    /** No onward sharing without consent. */
    H2,
    /** Other restrictions, stated in the request's handling conditions. */
    H3
}
