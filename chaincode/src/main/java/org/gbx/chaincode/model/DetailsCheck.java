package org.gbx.chaincode.model;

import java.util.Objects;

/** Whether both forces' private copies of the case details still match the public hash. */
public record DetailsCheck(
        String requestId, String detailsHash, String requesterCopyHash, String targetCopyHash, boolean matches) {

    /** A copy hash is null when that force's collection holds no details (never stored, or purged). */
    public static DetailsCheck of(String requestId, String detailsHash, String requesterCopyHash, String targetCopyHash) {
        boolean matches = Objects.equals(detailsHash, requesterCopyHash) && Objects.equals(detailsHash, targetCopyHash);
        return new DetailsCheck(requestId, detailsHash, requesterCopyHash, targetCopyHash, matches);
    }
}
