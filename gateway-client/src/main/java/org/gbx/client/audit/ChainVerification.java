package org.gbx.client.audit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.gbx.client.audit.chain.BlockCheck;
import org.gbx.client.audit.chain.BlockSource;
import org.gbx.client.audit.chain.BlockVerifier;
import org.gbx.client.audit.chain.ChainPosition;
import org.gbx.client.audit.chain.ChainWalker;
import org.gbx.client.audit.chain.LedgerTransaction;
import org.gbx.client.audit.chain.VerificationProblem;
import org.gbx.client.audit.history.HistoryRebuilder;
import org.gbx.client.audit.history.RebuiltLedger;

/**
 * Verifies a whole ledger from a block source and rebuilds its histories on the way, resuming
 * from a checkpoint when one is given and saving it as it goes (every {@value #SAVE_EVERY}
 * blocks and at the end), so a later run only verifies the blocks added since.
 */
public final class ChainVerification {

    private static final int SAVE_EVERY = 100;
    private static final HexFormat HEX = HexFormat.of();

    private final String channel;
    private final String chaincode;
    private final Optional<CheckpointFile> checkpointFile;
    private final ProgressListener progress;

    public ChainVerification(String channel, String chaincode, Optional<CheckpointFile> checkpointFile,
            ProgressListener progress) {
        this.channel = channel;
        this.chaincode = chaincode;
        this.checkpointFile = checkpointFile;
        this.progress = progress;
    }

    public ChainVerificationResult run(BlockSource source) {
        long height = source.height();
        Optional<VerificationCheckpoint> checkpoint = checkpointFile.flatMap(CheckpointFile::load)
                .filter(saved -> saved.channel().equals(channel) && saved.nextBlock() <= height);
        State state = checkpoint.map(saved -> State.resume(saved, source, chaincode))
                .orElseGet(() -> State.fresh(chaincode));
        long resumedFrom = state.position.nextBlock();
        try {
            new ChainWalker().walk(source, state.position, height, (check, next) -> {
                state.record(check, next);
                progress.progress(next.nextBlock(), height);
                if (next.nextBlock() % SAVE_EVERY == 0) {
                    save(state);
                }
            });
        } finally {
            progress.finished();
            save(state);
        }
        return new ChainVerificationResult(channel, source.description(), height, state.genesisHash,
                hex(state.position.lastHeaderHash()), state.transactions, state.validTransactions, state.problems,
                state.rebuilder.ledger(), resumedFrom);
    }

    private void save(State state) {
        checkpointFile.ifPresent(file -> file.save(new VerificationCheckpoint(channel, state.position.nextBlock(),
                hex(state.position.lastHeaderHash()), state.configBlock, state.configBlockHash, state.genesisHash,
                state.transactions, state.validTransactions, state.problems, state.rebuilder.ledger())));
    }

    private static String hex(Optional<byte[]> hash) {
        return hash.map(HEX::formatHex).orElse("");
    }

    /** The running totals of one verification, mutable while the walk goes on. */
    private static final class State {
        ChainPosition position;
        HistoryRebuilder rebuilder;
        final List<VerificationProblem> problems = new ArrayList<>();
        String genesisHash = "";
        long configBlock;
        String configBlockHash = "";
        long transactions;
        long validTransactions;

        static State fresh(String chaincode) {
            State state = new State();
            state.position = ChainPosition.genesis();
            state.rebuilder = new HistoryRebuilder(chaincode, RebuiltLedger.empty());
            return state;
        }

        /** Re-reads the config block the checkpoint names, and insists it is the one verified before. */
        static State resume(VerificationCheckpoint saved, BlockSource source, String chaincode) {
            BlockCheck config = new BlockVerifier().verify(saved.configBlock(), source.block(saved.configBlock()),
                    Optional.empty(), Optional.empty());
            String configHash = hex(config.headerHash());
            if (!configHash.equals(saved.configBlockHeaderHash()) || config.newTrust().isEmpty()) {
                throw new IllegalStateException("config block " + saved.configBlock() + " of " + source.description()
                        + " is not the one the checkpoint verified; delete the checkpoint and verify from block 0");
            }
            State state = new State();
            state.position = new ChainPosition(saved.nextBlock(), Optional.of(HEX.parseHex(saved.lastHeaderHash())),
                    config.newTrust());
            state.rebuilder = new HistoryRebuilder(chaincode, saved.rebuilt());
            state.problems.addAll(saved.problems());
            state.genesisHash = saved.genesisHeaderHash();
            state.configBlock = saved.configBlock();
            state.configBlockHash = saved.configBlockHeaderHash();
            state.transactions = saved.transactions();
            state.validTransactions = saved.validTransactions();
            return state;
        }

        void record(BlockCheck check, ChainPosition next) {
            problems.addAll(check.problems());
            for (LedgerTransaction transaction : check.transactions()) {
                transactions++;
                if (transaction.valid()) {
                    validTransactions++;
                }
                problems.addAll(rebuilder.apply(transaction));
            }
            if (check.number() == 0) {
                genesisHash = hex(check.headerHash());
            }
            if (check.newTrust().isPresent()) {
                configBlock = check.number();
                configBlockHash = hex(check.headerHash());
            }
            position = next;
        }
    }
}
