package org.gbx.client.model;

import java.util.List;

/**
 * The {@code signatureJson} argument of RecordEndorsement: the detached CMS signature (base64), the
 * delivery transaction it names, and the leaf's place in the delivered tree with its audit path.
 */
public record EndorsementSignature(String signature, String deliveryTxId, long leafIndex, long leafCount,
        List<String> proof) {
}
