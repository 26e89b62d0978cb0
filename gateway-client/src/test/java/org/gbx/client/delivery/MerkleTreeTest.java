package org.gbx.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(EntryKind.RECORD, ("r" + i).getBytes()));
        }
        return leaves;
    }

    @Test
    void a_single_leaf_is_its_own_root() {
        assertThat(MerkleTree.root(leaves(1))).isEqualTo(leaves(1).get(0));
    }

    @Test
    void order_matters() {
        List<byte[]> swapped = leaves(5);
        Collections.swap(swapped, 1, 2);
        assertThat(MerkleTree.root(swapped)).isNotEqualTo(MerkleTree.root(leaves(5)));
    }

    @Test
    void a_record_and_a_chunk_with_the_same_bytes_are_different_leaves() {
        byte[] bytes = "same".getBytes();
        assertThat(MerkleTree.leafHash(EntryKind.RECORD, bytes)).isNotEqualTo(MerkleTree.leafHash(EntryKind.CHUNK, bytes));
    }

    @Test
    void an_inner_node_cannot_pose_as_a_leaf() {
        List<byte[]> two = leaves(2);
        byte[] root = MerkleTree.root(two);
        byte[] concatenated = new byte[64];
        System.arraycopy(two.get(0), 0, concatenated, 0, 32);
        System.arraycopy(two.get(1), 0, concatenated, 32, 32);
        assertThat(HexFormat.of().formatHex(MerkleTree.leafHash(EntryKind.RECORD, concatenated)))
                .isNotEqualTo(HexFormat.of().formatHex(root));
    }

    @Test
    void three_leaves_split_two_and_one_as_in_rfc_6962() {
        List<byte[]> three = leaves(3);
        byte[] left = MerkleTree.root(three.subList(0, 2));
        java.security.MessageDigest sha = MerkleTree.sha256();
        sha.update((byte) 1);
        sha.update(left);
        sha.update(three.get(2));
        assertThat(MerkleTree.root(three)).isEqualTo(sha.digest());
    }
}
