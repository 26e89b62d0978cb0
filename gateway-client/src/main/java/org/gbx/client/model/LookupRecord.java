package org.gbx.client.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One lookup as the ledger keeps it: never the identifier, only its type and the hash of the
 * blinded element; the officer's count for the day; the request it led to, if any.
 */
public record LookupRecord(String lookupId, String askerOrg, String holderOrg, String officer, String idType,
        String purpose, String legalBasis, String blindedHash, int keyEpoch, Instant at, LocalDate day,
        int dailySequence, int dailyCap, String requestId) {

    /** This lookup used the officer's last one of the day. */
    public boolean reachedCap() {
        return dailySequence >= dailyCap;
    }
}
