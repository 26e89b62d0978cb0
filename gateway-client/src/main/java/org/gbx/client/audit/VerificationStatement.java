package org.gbx.client.audit;

import java.time.Instant;
import java.util.List;

/**
 * The auditor's signed account of one verification: exactly which chain was verified (genesis and
 * last header hashes, block count), from where, what was compared, and what was found. It holds
 * hashes, counts and locations only, never case data.
 *
 * @param result {@code INTACT} when every check ran and passed, {@code PROBLEMS_FOUND} when something
 *     was found, {@code INCOMPLETE} when nothing was found but a comparison could not run
 */
public record VerificationStatement(String statement, String channel, String source, long blocks,
        String genesisHeaderHash, String lastHeaderHash, long transactions, long validTransactions,
        int requestsRebuilt, String chaincodeComparison, String peerComparison, List<String> problems,
        List<String> historyDifferences, String result, Instant verifiedAt, String auditorMspId) {

    public static final String TITLE = "gbx ledger verification statement";

    public VerificationStatement {
        problems = List.copyOf(problems);
        historyDifferences = List.copyOf(historyDifferences);
    }
}
