package org.gbx.chaincode.model;

/**
 * What kind of identifier a lookup asks about. The identifier itself never reaches the ledger:
 * only its type, for the committee's statistics.
 */
public enum LookupIdType {
    MAINLAND_ID,
    MACAU_ID,
    HONG_KONG_ID,
    PLATE,
    PHONE
}
