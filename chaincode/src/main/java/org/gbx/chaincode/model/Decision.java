package org.gbx.chaincode.model;

import java.time.Instant;

/** An approver's reasoned refusal: a rejection of a request or a revocation of a grant. */
public record Decision(String by, Instant at, String reason) {
}
