package org.gbx.client.audit;

import java.util.List;
import org.gbx.client.audit.chain.VerificationProblem;
import org.gbx.client.audit.history.RebuiltLedger;

/**
 * Everything a verification needs to continue where it stopped: the next block, the header hash
 * it must link to, which config block holds the channel trust, and what was found and rebuilt so
 * far. Written by {@link CheckpointFile}; holds hashes and ledger records only, no personal data.
 */
public record VerificationCheckpoint(String channel, long nextBlock, String lastHeaderHash, long configBlock,
        String configBlockHeaderHash, String genesisHeaderHash, long transactions, long validTransactions,
        List<VerificationProblem> problems, RebuiltLedger rebuilt) {

    public VerificationCheckpoint {
        problems = List.copyOf(problems);
    }
}
