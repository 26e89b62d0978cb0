package org.gbx.chaincode.model;

import java.time.Instant;

/** The recipient's attestation that it destroyed the data; late if after the destroy-by date. */
public record Destruction(DestructionMethod method, String attestedBy, Instant destroyedAt, boolean late) {
}
