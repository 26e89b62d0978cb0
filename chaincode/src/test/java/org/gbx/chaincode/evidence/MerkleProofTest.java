package org.gbx.chaincode.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gbx.chaincode.testing.SampleTree;
import org.junit.jupiter.api.Test;

class MerkleProofTest {

    @Test
    void every_leaf_of_trees_of_1_to_33_leaves_is_proved_by_its_audit_path() {
        for (int size = 1; size <= 33; size++) {
            SampleTree tree = new SampleTree(size);
            for (int i = 0; i < size; i++) {
                assertThat(MerkleProof.includes(tree.root(), tree.leaf(i), i, size, tree.path(i)))
                        .as("leaf %d of %d", i, size).isTrue();
            }
        }
    }

    @Test
    void a_leaf_claimed_at_another_position_is_refused() {
        SampleTree tree = new SampleTree(11);
        for (int i = 0; i < 11; i++) {
            for (int other = 0; other < 11; other++) {
                if (other != i) {
                    assertThat(MerkleProof.includes(tree.root(), tree.leaf(i), other, 11, tree.path(i))).isFalse();
                }
            }
        }
    }

    @Test
    void a_leaf_that_is_not_in_the_tree_is_refused() {
        SampleTree tree = new SampleTree(7);
        String outsider = new SampleTree(8).leaf(7);
        assertThat(MerkleProof.includes(tree.root(), outsider, 3, 7, tree.path(3))).isFalse();
    }

    @Test
    void an_altered_shortened_or_lengthened_path_is_refused() {
        SampleTree tree = new SampleTree(13);
        List<String> path = tree.path(5);
        for (int level = 0; level < path.size(); level++) {
            List<String> altered = new ArrayList<>(path);
            altered.set(level, tree.leaf(level));
            assertThat(MerkleProof.includes(tree.root(), tree.leaf(5), 5, 13, altered)).isFalse();
        }
        assertThat(MerkleProof.includes(tree.root(), tree.leaf(5), 5, 13, path.subList(0, path.size() - 1))).isFalse();
        List<String> longer = new ArrayList<>(path);
        longer.add(tree.root());
        assertThat(MerkleProof.includes(tree.root(), tree.leaf(5), 5, 13, longer)).isFalse();
    }

    @Test
    void an_index_outside_the_tree_is_refused() {
        SampleTree tree = new SampleTree(4);
        assertThat(MerkleProof.includes(tree.root(), tree.leaf(3), 4, 4, tree.path(3))).isFalse();
        assertThat(MerkleProof.includes(tree.root(), tree.leaf(0), -1, 4, tree.path(0))).isFalse();
    }
}
