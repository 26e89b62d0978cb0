package org.gbx.client.model;

/** Whether both forces' private copies of the case details still match the public hash. */
public record DetailsCheck(String requestId, String detailsHash, String requesterCopyHash, String targetCopyHash,
        boolean matches) {
}
