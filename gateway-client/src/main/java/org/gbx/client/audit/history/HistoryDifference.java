package org.gbx.client.audit.history;

/** One way the chaincode's account of a request differs from the history rebuilt from the blocks. */
public record HistoryDifference(String requestId, Kind kind, String detail) {

    public enum Kind {
        /** The blocks hold the request but the chaincode does not list it. */
        MISSING_FROM_CHAINCODE,
        /** The chaincode lists a request no valid transaction in the blocks wrote. */
        MISSING_FROM_BLOCKS,
        /** The chaincode reports another number of versions. */
        VERSION_COUNT,
        /** The chaincode lists the same versions in another order than the blocks (oldest first). */
        VERSION_ORDER,
        /** A version comes from a transaction the other side does not have, or carries another timestamp. */
        VERSION_ORIGIN,
        /** A version's record differs in the fields named. */
        RECORD_CONTENT,
        /** The access records differ. */
        ACCESSES
    }

    @Override
    public String toString() {
        return requestId + ": " + kind + " - " + detail;
    }
}
