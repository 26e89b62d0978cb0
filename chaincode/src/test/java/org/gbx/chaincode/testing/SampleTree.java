package org.gbx.chaincode.testing;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A reference RFC 6962 tree (recursive, as the RFC writes it) to produce roots and audit paths for tests. */
public final class SampleTree {
    private final List<byte[]> leaves = new ArrayList<>();

    public SampleTree(int size) {
        for (int i = 0; i < size; i++) {
            leaves.add(hash(new byte[] {0x00, 'R'}, ("record-" + i).getBytes()));
        }
    }

    public int size() {
        return leaves.size();
    }

    public String leaf(int index) {
        return HexFormat.of().formatHex(leaves.get(index));
    }

    public String root() {
        return HexFormat.of().formatHex(mth(0, leaves.size()));
    }

    public List<String> path(int index) {
        List<String> path = new ArrayList<>();
        path(index, 0, leaves.size(), path);
        return path;
    }

    private void path(int m, int from, int to, List<String> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(HexFormat.of().formatHex(mth(from + k, to)));
        } else {
            path(m - k, from + k, to, out);
            out.add(HexFormat.of().formatHex(mth(from, from + k)));
        }
    }

    private byte[] mth(int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        int k = Integer.highestOneBit(to - from - 1);
        return hash(new byte[] {0x01}, mth(from, from + k), mth(from + k, to));
    }

    private static byte[] hash(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return sha256.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
