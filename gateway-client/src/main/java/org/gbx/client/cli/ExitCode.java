package org.gbx.client.cli;

/** The exit codes of {@code gbx}, documented in docs/cli.md and in {@code gbx --help}. */
public enum ExitCode {
    OK(0),
    /** A fault in gbx itself; run again with --debug and report it. */
    INTERNAL(1),
    /** Unknown command or option, or a missing or malformed value. */
    USAGE(2),
    /** The connection config or the user's identity is missing or unreadable. */
    CONFIG(3),
    /** The chaincode refused by one of its rules (permission, lifecycle state, grant, suspension). */
    REFUSED(4),
    /** The request, grant or record asked for does not exist. */
    NOT_FOUND(5),
    /** A peer or orderer could not be reached in time; the outcome of a submission may be unknown. */
    UNAVAILABLE(6),
    /** The network did not accept the transaction (endorsement failed or invalid at commit). */
    NOT_ACCEPTED(7),
    /** An audit found problems in the ledger: broken hashes or signatures, or histories that differ. */
    AUDIT_PROBLEMS(8),
    /** An evidence bundle failed at least one verification check. */
    EVIDENCE_NOT_VERIFIED(9);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
