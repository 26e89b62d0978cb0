package org.gbx.chaincode.model;

/** How the recipient destroyed the data it received. */
public enum DestructionMethod {
    SECURE_ERASE,
    CRYPTO_ERASE,
    PHYSICAL_DESTRUCTION
}
