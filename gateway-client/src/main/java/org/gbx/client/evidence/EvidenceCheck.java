package org.gbx.client.evidence;

/** Each thing `gbx evidence verify` establishes, in the order a clerk reads them (docs/evidence.md). */
public enum EvidenceCheck {
    /**
     * The file is a complete gbx evidence bundle, every part present and readable. Not that it is
     * unedited: an altered record or block still reads, and the checks below find the alteration.
     */
    BUNDLE_COMPLETE,
    /** The CMS signature is valid over the statement (record, proof, delivery transaction). */
    SIGNATURE_VALID,
    /** The signer's certificate was issued by the CA of the force that delivered the data. */
    SIGNER_OF_OWNER_FORCE,
    /** The signer's certificate carries the approver role (gbx.role=approver). */
    SIGNER_IS_APPROVER,
    /** The signer's certificate was valid when it signed and when the endorsement was recorded. */
    CERTIFICATE_VALID_AT_SIGNING,
    /** The record's bytes hash to the leaf the ledger's endorsement names. */
    RECORD_MATCHES_LEAF,
    /** The Merkle proof takes the record's leaf to the delivered root. */
    PROOF_REACHES_ROOT,
    /** The delivery block is intact and signed by an ordering organisation of the channel. */
    DELIVERY_BLOCK_SIGNED,
    /** The delivery transaction in that block recorded this root and package, for this request and forces. */
    DELIVERY_MATCHES,
    /** The endorsement block is intact and signed by an ordering organisation of the channel. */
    ENDORSEMENT_BLOCK_SIGNED,
    /** The endorsement transaction in that block recorded this signature for this record. */
    ENDORSEMENT_MATCHES
}
