package org.gbx.chaincode.model;

/** Who the ledger sees: organisation, role, and the officer as a hash, never a name. */
public record Identity(String mspId, String role, String officer) {
}
