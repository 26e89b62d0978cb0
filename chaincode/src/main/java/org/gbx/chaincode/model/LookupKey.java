package org.gbx.chaincode.model;

import java.time.Instant;

/**
 * A holder's published lookup key for one epoch (composite key {@code lookup-key [org, epoch]}):
 * what askers verify the holder's proofs against, and the set the holder last sent under it.
 */
public record LookupKey(String org, int epoch, String publicKey, String setDigest, long setSize,
        String publishedBy, Instant publishedAt, Instant updatedAt) {
}
