package org.gbx.client.nodeapi;

/** A verified package the node stores for a request, by its hash on the ledger. */
public record HeldPackage(String requestId, String packageHash, int recordCount) {
}
