package org.gbx.client.model;

import java.time.Instant;

/**
 * A holder force's lookup key of one epoch as the ledger keeps it: the OPRF public key (hex of the
 * compressed P-256 point) its evaluations are proved against, and the digest and size of the set
 * it prepared under that key.
 */
public record LookupKey(String org, int epoch, String publicKey, String setDigest, long setSize, String publishedBy,
        Instant publishedAt, Instant updatedAt) {
}
