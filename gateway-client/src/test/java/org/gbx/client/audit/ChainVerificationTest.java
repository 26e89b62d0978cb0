package org.gbx.client.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.gbx.client.audit.chain.BlockSource;
import org.gbx.client.audit.chain.OrderedBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainVerificationTest {

    @TempDir
    Path temp;

    @Test
    void a_resumed_verification_ends_where_a_single_run_ends() {
        BlockSource all = OrderedBlocks.load().markedValid();
        CheckpointFile checkpoint = new CheckpointFile(temp.resolve("checkpoint.json"));

        ChainVerificationResult single = verify(all, Optional.empty());
        ChainVerificationResult firstPart = verify(OrderedBlocks.load().markedValid().firstBlocks(3), Optional.of(checkpoint));
        ChainVerificationResult rest = verify(all, Optional.of(checkpoint));

        assertThat(firstPart.height()).isEqualTo(3);
        assertThat(rest.resumedFromBlock()).isEqualTo(3);
        assertThat(rest.problems()).isEqualTo(single.problems()).isEmpty();
        assertThat(rest.lastHeaderHash()).isEqualTo(single.lastHeaderHash());
        assertThat(rest.genesisHeaderHash()).isEqualTo(single.genesisHeaderHash());
        assertThat(rest.transactions()).isEqualTo(single.transactions());
        assertThat(rest.validTransactions()).isEqualTo(single.validTransactions());
    }

    @Test
    void a_checkpoint_of_another_channel_is_ignored() {
        CheckpointFile checkpoint = new CheckpointFile(temp.resolve("checkpoint.json"));
        verify(OrderedBlocks.load().markedValid(), Optional.of(checkpoint));

        ChainVerificationResult other = new ChainVerification("another-channel", "exchange", Optional.of(checkpoint),
                ProgressListener.silent()).run(OrderedBlocks.load().markedValid());

        assertThat(other.resumedFromBlock()).isZero();
    }

    private static ChainVerificationResult verify(BlockSource source, Optional<CheckpointFile> checkpoint) {
        return new ChainVerification("gba-exchange", "exchange", checkpoint, ProgressListener.silent()).run(source);
    }
}
