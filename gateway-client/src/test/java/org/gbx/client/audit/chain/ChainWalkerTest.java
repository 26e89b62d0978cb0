package org.gbx.client.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChainWalkerTest {

    private final OrderedBlocks blocks = OrderedBlocks.load().markedValid();

    @Test
    void a_block_the_source_cannot_deliver_stops_the_walk_after_the_blocks_before_it() {
        BlockSourceException unavailable = new BlockSourceException("block 4 did not arrive in time");
        FailingAt source = new FailingAt(blocks, 4, unavailable);
        List<Long> seen = new ArrayList<>();

        assertThatThrownBy(() -> new ChainWalker().walk(source, ChainPosition.genesis(), source.height(),
                (check, next) -> seen.add(check.number())))
                .isSameAs(unavailable);

        assertThat(seen).containsExactly(0L, 1L, 2L, 3L);
        assertThat(source.asked).as("no block past the failed one is fetched").containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void the_walk_asks_the_source_for_each_block_once_in_order() {
        FailingAt source = new FailingAt(blocks, Long.MAX_VALUE, null);
        List<Long> seen = new ArrayList<>();

        ChainPosition end = new ChainWalker().walk(source, ChainPosition.genesis(), 5,
                (check, next) -> seen.add(check.number()));

        assertThat(end.nextBlock()).isEqualTo(5);
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(source.asked).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    /** Delivers the fixture's blocks but fails at one; records what it was asked for, from any thread. */
    private static final class FailingAt implements BlockSource {
        private final BlockSource blocks;
        private final long failing;
        private final BlockSourceException failure;
        final List<Long> asked = new CopyOnWriteArrayList<>();

        FailingAt(BlockSource blocks, long failing, BlockSourceException failure) {
            this.blocks = blocks;
            this.failing = failing;
            this.failure = failure;
        }

        @Override
        public long height() {
            return blocks.height();
        }

        @Override
        public byte[] block(long number) {
            asked.add(number);
            if (number == failing) {
                throw failure;
            }
            return blocks.block(number);
        }

        @Override
        public String description() {
            return "fixture failing at block " + failing;
        }
    }
}
