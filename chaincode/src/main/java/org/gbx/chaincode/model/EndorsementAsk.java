package org.gbx.chaincode.model;

import org.gbx.chaincode.rules.Input;

/**
 * The {@code askJson} argument of RequestEndorsement: which received record, named only by its
 * Merkle leaf hash (SHA-256 of 0x00 'R' and its canonical bytes), so no record id or content
 * reaches the ledger and the requester needs nothing but the record it holds.
 */
public record EndorsementAsk(String leafHash) {

    public EndorsementAsk {
        Input.sha256Hex("leafHash", leafHash);
    }
}
