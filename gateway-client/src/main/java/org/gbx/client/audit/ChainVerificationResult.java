package org.gbx.client.audit;

import java.util.List;
import org.gbx.client.audit.chain.VerificationProblem;
import org.gbx.client.audit.history.RebuiltLedger;

/**
 * The outcome of verifying a ledger from its genesis block up to {@code height - 1}: the hashes
 * that pin down exactly which chain was verified, what was wrong, and the histories rebuilt.
 *
 * @param resumedFromBlock the block this run started at (0 without a checkpoint)
 */
public record ChainVerificationResult(String channel, String source, long height, String genesisHeaderHash,
        String lastHeaderHash, long transactions, long validTransactions, List<VerificationProblem> problems,
        RebuiltLedger rebuilt, long resumedFromBlock) {

    public ChainVerificationResult {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** The distinct block numbers at which something was found, in order. */
    public List<Long> blocksWithProblems() {
        return problems.stream().map(VerificationProblem::block).distinct().sorted().toList();
    }
}
