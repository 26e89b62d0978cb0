package org.gbx.client.delivery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * The RFC 6962 audit path of leaf {@code index}: the sibling hashes from the leaf up to the
     * root, which with the leaf, its index and the leaf count reproduce the root.
     */
    public static List<byte[]> auditPath(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf " + index + " is outside a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        int from = 0;
        int to = leafHashes.size();
        // Walk down from the root; each level's sibling subtree is recorded, then reversed.
        while (to - from > 1) {
            int split = Integer.highestOneBit(to - from - 1);
            if (index - from < split) {
                path.add(subtree(leafHashes, from + split, to));
                to = from + split;
            } else {
                path.add(subtree(leafHashes, from, from + split));
                from += split;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /** Whether {@code path} takes {@code leaf} at {@code index} of {@code count} leaves to {@code root} (RFC 9162 2.1.3.2). */
    public static boolean proves(byte[] root, byte[] leaf, long index, long count, List<byte[]> path) {
        if (index < 0 || index >= count) {
            return false;
        }
        long position = index;
        long last = count - 1;
        byte[] hash = leaf;
        for (byte[] sibling : path) {
            if (last == 0) {
                return false;
            }
            boolean isRightChild = (position & 1) == 1 || position == last;
            hash = isRightChild ? node(sibling, hash) : node(hash, sibling);
            if (isRightChild) {
                // a last node without a right sibling is promoted unchanged through the levels above
                while ((position & 1) == 0 && position != 0) {
                    position >>= 1;
                    last >>= 1;
                }
            }
            position >>= 1;
            last >>= 1;
        }
        return last == 0 && MessageDigest.isEqual(hash, root);
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int split = Integer.highestOneBit(n - 1);
        return node(subtree(leaves, from, from + split), subtree(leaves, from + split, to));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
