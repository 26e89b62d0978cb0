package org.gbx.chaincode.model;

import java.time.Instant;

/** The hash the recipient computed over the package it received, and whether it matched. */
public record Receipt(String computedHash, boolean matches, String receivedBy, Instant receivedAt) {
}
