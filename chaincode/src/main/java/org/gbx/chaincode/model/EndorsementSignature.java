package org.gbx.chaincode.model;

import java.util.Base64;
import java.util.List;
import org.gbx.chaincode.ErrorCode;
import org.gbx.chaincode.identity.Hashes;
import org.gbx.chaincode.rules.Input;

/**
 * The {@code signatureJson} argument of RecordEndorsement: the owner's detached CMS signature
 * (base64; it holds the signer's certificates and a digest, never the record, so it may sit in the
 * block where the requester's export finds it), the delivery transaction it names, and where the
 * leaf sits in the delivered tree with its audit path, sibling hashes from the leaf upwards
 * (RFC 6962). Leaves are records and clip chunks, so the tree may hold more leaves than records.
 */
public record EndorsementSignature(String signature, String deliveryTxId, Long leafIndex, Long leafCount,
        List<String> proof) {

    /** Base64 of a CMS with a certificate chain of a few certificates. */
    public static final int MAX_SIGNATURE = 64 * 1024;
    public static final long MAX_LEAVES = 1L << 40;
    /** A tree of at most 2^40 leaves has at most 40 levels. */
    public static final int MAX_PROOF = 40;

    public EndorsementSignature {
        Input.required("signature", signature);
        Input.inRange("signature length", signature.length(), 1, MAX_SIGNATURE);
        Input.sha256Hex("deliveryTxId", deliveryTxId);
        Input.inRange("leafCount", leafCount, 1, MAX_LEAVES);
        Input.inRange("leafIndex", leafIndex, 0, leafCount - 1);
        Input.required("proof", proof);
        Input.inRange("proof length", proof.size(), 0, MAX_PROOF);
        proof.forEach(sibling -> Input.sha256Hex("proof", sibling));
        proof = List.copyOf(proof);
    }

    /** The hash the ledger keeps, of the signature's DER bytes. */
    public String signatureHash() {
        try {
            return Hashes.sha256Hex(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            throw ErrorCode.INVALID_VALUE.refuse("signature must be base64");
        }
    }
}
