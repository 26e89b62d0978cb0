package org.gbx.chaincode.model;

/** An endorsement is asked for once and given once. */
public enum EndorsementStatus {
    REQUESTED,
    ENDORSED
}
