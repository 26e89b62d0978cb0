package org.gbx.chaincode.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks an RFC 6962 / RFC 9162 §2.1.3.2 inclusion proof against the delivery's Merkle root, so
 * the chaincode itself (not the submitter's word) decides that a leaf was in the delivered
 * package. Inner nodes are SHA-256(0x01 || left || right), as in docs/exchange.md.
 */
public final class MerkleProof {
    private static final byte NODE = 0x01;

    private MerkleProof() {
    }

    public static boolean includes(String rootHex, String leafHex, long leafIndex, long leafCount, List<String> path) {
        if (leafIndex < 0 || leafIndex >= leafCount) {
            return false;
        }
        HexFormat hex = HexFormat.of();
        long index = leafIndex;
        long last = leafCount - 1;
        byte[] hash = hex.parseHex(leafHex);
        for (String siblingHex : path) {
            if (last == 0) {
                return false;
            }
            byte[] sibling = hex.parseHex(siblingHex);
            if ((index & 1) == 1 || index == last) {
                hash = node(sibling, hash);
                // a right-edge node without a sibling at this level moves up unchanged
                while ((index & 1) == 0 && index != 0) {
                    index >>= 1;
                    last >>= 1;
                }
            } else {
                hash = node(hash, sibling);
            }
            index >>= 1;
            last >>= 1;
        }
        return last == 0 && MessageDigest.isEqual(hash, hex.parseHex(rootHex));
    }

    private static byte[] node(byte[] left, byte[] right) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(NODE);
            sha256.update(left);
            sha256.update(right);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
