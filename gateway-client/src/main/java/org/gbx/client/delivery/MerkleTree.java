package org.gbx.client.delivery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The package's Merkle tree, shaped as in RFC 6962 (the left subtree holds the largest power of
 * two below the leaf count). Hashes are domain-separated so no leaf can pose as an inner node or
 * as a leaf of the other kind: leaf = SHA-256(0x00 || kind || bytes), node = SHA-256(0x01 || left
 * || right), where kind is 'R' for a record and 'C' for a chunk of a clip.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {
    }

    public static byte[] leafHash(EntryKind kind, byte[] bytes, int offset, int length) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF);
        sha256.update(kind.tag());
        sha256.update(bytes, offset, length);
        return sha256.digest();
    }

    public static byte[] leafHash(EntryKind kind, byte[] bytes) {
        return leafHash(kind, bytes, 0, bytes.length);
    }

    /** The root over leaf hashes in package order; the empty tree is SHA-256 of nothing. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return sha256().digest();
        }
        return subtree(leafHashes, 0, leafHashes.size());
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int split = Integer.highestOneBit(n - 1);
        MessageDigest sha256 = sha256();
        sha256.update(NODE);
        sha256.update(subtree(leaves, from, from + split));
        sha256.update(subtree(leaves, from + split, to));
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
