package org.gbx.client.audit.chain;

/**
 * One thing verification found wrong, located precisely enough for an auditor to look it up:
 * the block number and, for a transaction, its id.
 */
public record VerificationProblem(long block, String transactionId, ProblemKind kind, String detail) {

    public static VerificationProblem inBlock(long block, ProblemKind kind, String detail) {
        return new VerificationProblem(block, null, kind, detail);
    }

    @Override
    public String toString() {
        return "block " + block + (transactionId == null ? "" : ", transaction " + transactionId) + ": " + kind
                + " - " + detail;
    }
}
