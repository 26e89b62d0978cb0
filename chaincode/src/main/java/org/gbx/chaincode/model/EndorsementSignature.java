package org.gbx.chaincode.model;

import java.util.List;
import org.gbx.chaincode.rules.Input;

/**
 * The {@code signatureJson} argument of RecordEndorsement: the hash of the owner's CMS signature
 * (the signature itself stays with the forces), the delivery transaction it names, and where the
 * leaf sits in the delivered tree with its audit path, sibling hashes from the leaf upwards
 * (RFC 6962). Leaves are records and clip chunks, so the tree may hold more leaves than records.
 */
public record EndorsementSignature(String signatureHash, String deliveryTxId, Long leafIndex, Long leafCount,
        List<String> proof) {

    public static final long MAX_LEAVES = 1L << 40;
    /** A tree of at most 2^40 leaves has at most 40 levels. */
    public static final int MAX_PROOF = 40;

    public EndorsementSignature {
        Input.sha256Hex("signatureHash", signatureHash);
        Input.sha256Hex("deliveryTxId", deliveryTxId);
        Input.inRange("leafCount", leafCount, 1, MAX_LEAVES);
        Input.inRange("leafIndex", leafIndex, 0, leafCount - 1);
        Input.required("proof", proof);
        Input.inRange("proof length", proof.size(), 0, MAX_PROOF);
        proof.forEach(sibling -> Input.sha256Hex("proof", sibling));
        proof = List.copyOf(proof);
    }
}
