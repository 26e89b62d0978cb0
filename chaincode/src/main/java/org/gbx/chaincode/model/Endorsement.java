package org.gbx.chaincode.model;

import java.time.Instant;

/**
 * An evidence endorsement (異地簽註) of one delivered record: asked for by the requesting force,
 * then given by the owning force's approver. Officers appear only as certificate hashes.
 */
public record Endorsement(
        String requestId,
        long leafIndex,
        long leafCount,
        String leafHash,
        String merkleRoot,
        String packageHash,
        EndorsementStatus status,
        String requestedBy,
        Instant requestedAt,
        String signatureHash,
        String deliveryTxId,
        String endorsedBy,
        Instant endorsedAt) {

    public static Endorsement asked(String requestId, EndorsementAsk ask, Delivery delivery, String officer,
            Instant now) {
        return new Endorsement(requestId, ask.leafIndex(), ask.leafCount(), ask.leafHash(), delivery.merkleRoot(),
                delivery.packageHash(), EndorsementStatus.REQUESTED, officer, now, null, null, null, null);
    }

    /** The same record asked for again: a replay, not a conflict. */
    public boolean asksFor(EndorsementAsk ask, Delivery delivery) {
        return leafCount == ask.leafCount() && leafHash.equals(ask.leafHash())
                && merkleRoot.equals(delivery.merkleRoot());
    }

    public Endorsement endorsed(EndorsementSignature signature, String officer, Instant now) {
        return new Endorsement(requestId, leafIndex, leafCount, leafHash, merkleRoot, packageHash,
                EndorsementStatus.ENDORSED, requestedBy, requestedAt, signature.signatureHash(),
                signature.deliveryTxId(), officer, now);
    }
}
