package org.gbx.chaincode.model;

import java.time.Instant;
import java.util.List;

/**
 * An evidence endorsement (異地簽註) of one delivered record: asked for by the requesting force,
 * then given by the owning force's approver. Officers appear only as certificate hashes; the
 * record only as its leaf hash. The detached CMS signature (certificates and digests, no record
 * content) and the proof are kept whole so the requester can rebuild the signed statement and export
 * it; the signature's hash is what evidence refers to.
 */
public record Endorsement(
        String requestId,
        String leafHash,
        String merkleRoot,
        String packageHash,
        EndorsementStatus status,
        String requestedBy,
        Instant requestedAt,
        Long leafIndex,
        Long leafCount,
        List<String> proof,
        String signature,
        String signatureHash,
        String deliveryTxId,
        String endorsementTxId,
        String endorsedBy,
        Instant endorsedAt) {

    public static Endorsement asked(String requestId, EndorsementAsk ask, Delivery delivery, String officer,
            Instant now) {
        return new Endorsement(requestId, ask.leafHash(), delivery.merkleRoot(), delivery.packageHash(),
                EndorsementStatus.REQUESTED, officer, now, null, null, null, null, null, null, null, null, null);
    }

    /** The transaction's own id is kept, so the requester can fetch the block that holds the signature. */
    public Endorsement endorsed(EndorsementSignature signature, String txId, String officer, Instant now) {
        return new Endorsement(requestId, leafHash, merkleRoot, packageHash, EndorsementStatus.ENDORSED,
                requestedBy, requestedAt, signature.leafIndex(), signature.leafCount(), signature.proof(), signature.signature(), signature.signatureHash(),
                signature.deliveryTxId(), txId, officer, now);
    }
}
