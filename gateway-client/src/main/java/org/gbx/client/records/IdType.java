package org.gbx.client.records;

/** Identity documents the two forces' records use to name a person. */
public enum IdType {
    /** Macau resident identity card (BIR): {@code 1234567(8)}. */
    MACAU_BIR,
    /** Mainland resident identity card: 18 characters, ISO 7064 MOD 11-2 check character. */
    MAINLAND_RIC,
    /** Hong Kong identity card: {@code A123456(7)}; visitors' records carry it. */
    HONG_KONG_ID
}
