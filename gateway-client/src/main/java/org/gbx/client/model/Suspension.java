package org.gbx.client.model;

import java.time.Instant;

/** The committee's freeze of a force; a force never suspended has only {@code org} set. */
public record Suspension(String org, boolean suspended, String by, Instant at, String reason) {
}
