package org.gbx.it.audit;

import static org.gbx.client.audit.chain.ByteSearch.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.gbx.client.audit.ChainVerification;
import org.gbx.client.audit.ChainVerificationResult;
import org.gbx.client.audit.CheckpointFile;
import org.gbx.client.audit.ProgressListener;
import org.gbx.client.audit.chain.BlockSource;
import org.gbx.client.audit.chain.PeerBlockSource;
import org.gbx.client.audit.chain.SavedBlocks;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.it.TestNetwork;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committee verifies the real ledger from its own peer, and a saved copy of it. */
class LedgerVerificationIT {

    @TempDir
    Path temp;

    @Test
    void the_clean_ledger_on_the_committees_peer_verifies() {
        try (LedgerConnection auditor = TestNetwork.connect(TestNetwork.OVERSIGHT_AUDITOR)) {
            ChainVerificationResult result = verify(committeePeer(auditor), Optional.empty());

            assertThat(result.problems()).isEmpty();
            assertThat(result.height()).as("genesis plus the chaincode definition").isGreaterThan(1);
            assertThat(result.genesisHeaderHash()).hasSize(64);
            assertThat(result.validTransactions()).isPositive();
        }
    }

    @Test
    void a_saved_copy_with_one_altered_byte_is_detected_at_that_block() throws IOException {
        Path copy = temp.resolve("blocks");
        long height;
        try (LedgerConnection auditor = TestNetwork.connect(TestNetwork.OVERSIGHT_AUDITOR)) {
            BlockSource peer = committeePeer(auditor);
            height = peer.height();
            for (long n = 0; n < height; n++) {
                SavedBlocks.save(copy, n, peer.block(n));
            }
        }
        assertThat(verify(new SavedBlocks(copy), Optional.empty()).problems()).isEmpty();

        long altered = height / 2;
        alterOneByteOfFirstTransaction(SavedBlocks.fileOf(copy, altered));
        ChainVerificationResult result = verify(new SavedBlocks(copy), Optional.empty());

        assertThat(result.intact()).isFalse();
        assertThat(result.blocksWithProblems()).containsExactly(altered);
    }

    @Test
    void a_verification_resumes_from_its_checkpoint_and_verifies_only_new_blocks() {
        CheckpointFile checkpoint = new CheckpointFile(temp.resolve("checkpoint.json"));
        try (LedgerConnection auditor = TestNetwork.connect(TestNetwork.OVERSIGHT_AUDITOR)) {
            ChainVerificationResult first = verify(committeePeer(auditor), Optional.of(checkpoint));
            ChainVerificationResult second = verify(committeePeer(auditor), Optional.of(checkpoint));

            assertThat(first.resumedFromBlock()).isZero();
            assertThat(second.resumedFromBlock()).isEqualTo(first.height());
            assertThat(second.problems()).isEmpty();
            assertThat(second.genesisHeaderHash()).isEqualTo(first.genesisHeaderHash());
            assertThat(second.transactions()).isGreaterThanOrEqualTo(first.transactions());
        }
    }

    static BlockSource committeePeer(LedgerConnection auditor) {
        return new PeerBlockSource(auditor.network(), "committee peer", Duration.ofSeconds(30));
    }

    private static ChainVerificationResult verify(BlockSource source, Optional<CheckpointFile> checkpoint) {
        return new ChainVerification(TestNetwork.config().channel(), TestNetwork.config().chaincode(), checkpoint,
                ProgressListener.silent()).run(source);
    }

    /** Flips one byte in the middle of the block's first transaction envelope, as stored in the file. */
    private static void alterOneByteOfFirstTransaction(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] envelope = Block.parseFrom(bytes).getData().getData(0).toByteArray();
        int at = indexOf(bytes, envelope) + envelope.length / 2;
        bytes[at] ^= 0x01;
        Files.write(file, bytes);
    }
}
