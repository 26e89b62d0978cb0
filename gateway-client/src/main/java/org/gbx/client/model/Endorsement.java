package org.gbx.client.model;

import java.time.Instant;
import java.util.List;

/**
 * An evidence endorsement (異地簽註) of one delivered record as the ledger keeps it: the record only
 * as its Merkle leaf hash, the officers as certificate hashes, the signature as its hash.
 */
public record Endorsement(String requestId, String leafHash, String merkleRoot, String packageHash,
        EndorsementStatus status, String requestedBy, Instant requestedAt, Long leafIndex, Long leafCount,
        List<String> proof, String signature, String signatureHash, String deliveryTxId, String endorsementTxId, String endorsedBy, Instant endorsedAt) {

    public boolean isEndorsed() {
        return status == EndorsementStatus.ENDORSED;
    }
}
