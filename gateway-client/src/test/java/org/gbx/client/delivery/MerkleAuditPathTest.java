package org.gbx.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleAuditPathTest {

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleTree.leafHash(i % 3 == 0 ? EntryKind.CHUNK : EntryKind.RECORD,
                    ("entry-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void every_leaf_of_trees_of_1_to_40_leaves_is_proved_to_the_package_root() {
        for (int count = 1; count <= 40; count++) {
            List<byte[]> leaves = leaves(count);
            byte[] root = MerkleTree.root(leaves);
            for (int i = 0; i < count; i++) {
                assertThat(MerkleTree.proves(root, leaves.get(i), i, count, MerkleTree.auditPath(leaves, i)))
                        .as("leaf %d of %d", i, count).isTrue();
            }
        }
    }

    @Test
    void a_path_does_not_prove_another_leaf_position_or_tree() {
        List<byte[]> leaves = leaves(9);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> path = MerkleTree.auditPath(leaves, 4);
        assertThat(MerkleTree.proves(root, leaves.get(5), 4, 9, path)).isFalse();
        assertThat(MerkleTree.proves(root, leaves.get(4), 5, 9, path)).isFalse();
        assertThat(MerkleTree.proves(MerkleTree.root(leaves(8)), leaves.get(4), 4, 9, path)).isFalse();
        assertThat(MerkleTree.proves(root, leaves.get(4), 4, 9, path.subList(1, path.size()))).isFalse();
    }
}
