package org.gbx.client.delivery;

/**
 * A delivery package failed verification and was not stored. The reason says which check failed;
 * the computed hash is what the receiver records on the ledger as its receipt, so the mismatch is
 * on record for both forces and the committee.
 */
public final class PackageRejectedException extends RuntimeException {

    /** Which check failed. */
    public enum Reason {
        /** The manifest's hash is not the package hash recorded on the ledger. */
        PACKAGE_HASH_MISMATCH,
        /** The Merkle root, record count or size differ from the ledger or from the entries. */
        MERKLE_ROOT_MISMATCH,
        /** The manifest is not signed, or not by a member of the sending force. */
        SIGNATURE_INVALID,
        /** The manifest names another request, sender or requester. */
        WRONG_ADDRESSEE,
        /** An entry's bytes do not hash to the leaf the manifest lists at its position. */
        ENTRY_MISMATCH,
        /** More entries arrived than the manifest lists. */
        UNEXPECTED_ENTRY,
        /** The stream ended before every entry arrived and was verified. */
        TRUNCATED,
        /** A clip's chunks do not add up to the clip its record describes. */
        CLIP_MISMATCH,
        /** The manifest or a record cannot be read. */
        MALFORMED
    }

    private final Reason reason;
    private final String computedHash;

    public PackageRejectedException(Reason reason, String detail, String computedHash) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.computedHash = computedHash;
    }

    public Reason reason() {
        return reason;
    }

    /** Hex SHA-256 the receiver computed for what it actually received, or null if not yet known. */
    public String computedHash() {
        return computedHash;
    }

    PackageRejectedException withComputedHash(String hash) {
        return computedHash != null ? this : new PackageRejectedException(reason, detailOf(getMessage()), hash);
    }

    private static String detailOf(String message) {
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }
}
