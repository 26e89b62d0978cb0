package org.gbx.client.audit.chain;

/** What verification found wrong with a block or a transaction in it. */
public enum ProblemKind {
    /** The bytes are not a Fabric block, or it is missing from the source. */
    UNREADABLE_BLOCK,
    /** The block's header carries another number than its position in the chain. */
    WRONG_NUMBER,
    /** The header's previous hash is not the hash of the preceding block's header. */
    BROKEN_CHAIN,
    /** The header's data hash is not the hash of the block's transactions. */
    DATA_HASH_MISMATCH,
    /** No valid signature of an ordering organisation of the channel on the block. */
    ORDERER_SIGNATURE_MISSING,
    /** A block signature that does not verify or is not from an ordering organisation. */
    ORDERER_SIGNATURE_INVALID,
    /** A transaction the peer marked valid whose creator's signature does not verify. */
    CREATOR_SIGNATURE_INVALID,
    /** A transaction the peer marked valid with an endorsement that does not verify. */
    ENDORSEMENT_INVALID,
    /** A valid change to a request not endorsed by a peer of both forces of that request. */
    ENDORSEMENT_POLICY_NOT_MET,
    /** Another organisation's peer holds a different block at the same number, or another height. */
    PEER_DIVERGENCE;

    public static java.util.Optional<ProblemKind> named(String name) {
        return java.util.Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }
}
