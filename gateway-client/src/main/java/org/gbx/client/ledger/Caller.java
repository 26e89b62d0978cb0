package org.gbx.client.ledger;

/**
 * Who the chaincode sees calling: the MSP of the client identity, its {@code gbx.role} attribute,
 * and the officer's pseudonymous (hashed) id used in public records.
 */
public record Caller(String mspId, String role, String officer) {
}
