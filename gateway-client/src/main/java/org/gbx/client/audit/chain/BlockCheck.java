package org.gbx.client.audit.chain;

import java.util.List;
import java.util.Optional;

/**
 * The verification of one block: its header hash (for the next block's link), what was wrong,
 * its decoded transactions, and the channel trust a valid config transaction in it installs.
 *
 * @param headerHash empty when the block could not be read at all
 */
public record BlockCheck(long number, Optional<byte[]> headerHash, List<VerificationProblem> problems,
        List<LedgerTransaction> transactions, Optional<ChannelTrust> newTrust) {

    public BlockCheck {
        problems = List.copyOf(problems);
        transactions = List.copyOf(transactions);
    }

    static BlockCheck unreadable(long number, String detail) {
        return new BlockCheck(number, Optional.empty(),
                List.of(VerificationProblem.inBlock(number, ProblemKind.UNREADABLE_BLOCK, detail)), List.of(),
                Optional.empty());
    }
}
