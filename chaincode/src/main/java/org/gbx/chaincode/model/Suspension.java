package org.gbx.chaincode.model;

import java.time.Instant;

/** The committee's freeze of a force; a force never suspended has only {@code org} set. */
public record Suspension(String org, boolean suspended, String by, Instant at, String reason) {

    public static Suspension never(String org) {
        return new Suspension(org, false, null, null, null);
    }
}
