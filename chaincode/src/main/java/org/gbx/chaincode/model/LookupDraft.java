package org.gbx.chaincode.model;

import static org.gbx.chaincode.rules.Input.MAX_LEGAL_BASIS;
import static org.gbx.chaincode.rules.Input.MAX_PURPOSE;

import org.gbx.chaincode.rules.Input;

/**
 * The {@code lookupJson} argument of RecordLookup. The identifier asked about is absent by
 * design: the ledger holds only the hash of the blinded element (a random point, unlinkable to
 * the identifier without the asker's blind).
 */
public record LookupDraft(String holderOrg, LookupIdType idType, String purpose, String legalBasis,
        String blindedHash, Integer keyEpoch) {

    public LookupDraft {
        Input.mspId(Input.required("holderOrg", holderOrg));
        Input.required("idType", idType);
        purpose = Input.requiredText("purpose", purpose, MAX_PURPOSE);
        legalBasis = Input.requiredText("legalBasis", legalBasis, MAX_LEGAL_BASIS);
        Input.sha256Hex("blindedHash", blindedHash);
        Input.inRange("keyEpoch", keyEpoch, 1, LookupKeyDraft.MAX_EPOCH);
    }
}
