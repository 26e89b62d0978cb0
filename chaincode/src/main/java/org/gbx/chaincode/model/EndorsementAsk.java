package org.gbx.chaincode.model;

import org.gbx.chaincode.rules.Input;

/**
 * The {@code askJson} argument of RequestEndorsement: which delivered record, named only by its
 * position among the package's Merkle leaves and its leaf hash (no record id or content on the
 * ledger). {@code leafCount} is the number of leaves of the delivered tree, needed to check a proof.
 */
public record EndorsementAsk(Long leafIndex, Long leafCount, String leafHash) {

    /** Leaves are records and clip chunks, so a package may hold more leaves than records. */
    public static final long MAX_LEAVES = 1L << 40;

    public EndorsementAsk {
        Input.inRange("leafCount", leafCount, 1, MAX_LEAVES);
        Input.inRange("leafIndex", leafIndex, 0, leafCount - 1);
        Input.sha256Hex("leafHash", leafHash);
    }
}
