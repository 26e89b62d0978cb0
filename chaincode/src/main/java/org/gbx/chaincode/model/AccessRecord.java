package org.gbx.chaincode.model;

import java.time.Instant;

/** One use of received data by an officer of the requesting force. */
public record AccessRecord(String requestId, int sequence, String officer, String justification, Instant accessedAt) {
}
