package org.gbx.client.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import org.gbx.client.audit.chain.OrderedBlocks;
import org.gbx.client.audit.chain.ProblemKind;
import org.gbx.client.audit.chain.VerificationProblem;
import org.junit.jupiter.api.Test;

class PeerComparisonTest {

    private final OrderedBlocks own = OrderedBlocks.load();

    @Test
    void the_same_chain_held_by_a_peer_a_block_behind_does_not_diverge() {
        PeerComparison.Outcome outcome = PeerComparison.compare(own, own.firstBlocks(OrderedBlocks.COUNT - 1),
                ProgressListener.silent());

        assertThat(outcome.divergences()).isEmpty();
        assertThat(outcome.ownHeight()).isEqualTo(OrderedBlocks.COUNT);
        assertThat(outcome.otherHeight()).isEqualTo(OrderedBlocks.COUNT - 1);
    }

    @Test
    void a_peer_holding_another_block_is_named_with_that_block() {
        OrderedBlocks other = own.withBlock(4, block -> block.toBuilder().setHeader(block.getHeader().toBuilder()
                .setDataHash(ByteString.copyFrom(new byte[32]))).build());

        assertThat(PeerComparison.compare(own, other, ProgressListener.silent()).divergences())
                .extracting(VerificationProblem::block, VerificationProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, ProblemKind.PEER_DIVERGENCE));
    }
}
