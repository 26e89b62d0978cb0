package org.gbx.chaincode.model;

import java.util.List;
import org.gbx.chaincode.rules.Input;

/**
 * The {@code signatureJson} argument of RecordEndorsement: the hash of the owner's CMS signature
 * (the signature itself stays with the forces), the delivery transaction it names, and the leaf's
 * Merkle audit path, sibling hashes from the leaf upwards (RFC 6962).
 */
public record EndorsementSignature(String signatureHash, String deliveryTxId, List<String> proof) {

    /** A tree of at most 2^40 leaves has at most 40 levels. */
    public static final int MAX_PROOF = 40;

    public EndorsementSignature {
        Input.sha256Hex("signatureHash", signatureHash);
        Input.sha256Hex("deliveryTxId", deliveryTxId);
        Input.required("proof", proof);
        Input.inRange("proof length", proof.size(), 0, MAX_PROOF);
        proof.forEach(sibling -> Input.sha256Hex("proof", sibling));
        proof = List.copyOf(proof);
    }
}
