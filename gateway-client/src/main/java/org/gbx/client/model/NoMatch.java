package org.gbx.client.model;

import java.time.Instant;
import java.util.List;

/** The holder's answer that none of its records match the grant, in the categories it searched. */
public record NoMatch(String by, Instant at, List<DataCategory> categories) {
}
