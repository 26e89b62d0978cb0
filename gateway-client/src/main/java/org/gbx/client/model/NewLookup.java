package org.gbx.client.model;

/**
 * The {@code lookupJson} of RecordLookup: whom, what kind of identifier, why, and the hash of the
 * blinded element; never the identifier or a hash of it.
 */
public record NewLookup(String holderOrg, String idType, String purpose, String legalBasis, String blindedHash,
        int keyEpoch) {
}
