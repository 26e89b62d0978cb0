package org.gbx.chaincode.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One lookup (key {@code lookup~<lookupId>}): who asked which force, why, under which key, and
 * the hash of the blinded element the holder may evaluate; the officer's count for the day, so
 * the committee sees caps reached; and the request it led to, if any.
 */
public record LookupRecord(String lookupId, String askerOrg, String holderOrg, String officer, LookupIdType idType,
        String purpose, String legalBasis, String blindedHash, int keyEpoch, Instant at, LocalDate day,
        int dailySequence, int dailyCap, String requestId) {

    /** Same terms as a replay of its creation (the count and time are the ledger's, not the caller's). */
    public boolean hasSameTerms(LookupRecord other) {
        return askerOrg.equals(other.askerOrg) && holderOrg.equals(other.holderOrg) && officer.equals(other.officer)
                && idType == other.idType && purpose.equals(other.purpose) && legalBasis.equals(other.legalBasis)
                && blindedHash.equals(other.blindedHash) && keyEpoch == other.keyEpoch;
    }

    public LookupRecord ledTo(String request) {
        return new LookupRecord(lookupId, askerOrg, holderOrg, officer, idType, purpose, legalBasis, blindedHash,
                keyEpoch, at, day, dailySequence, dailyCap, request);
    }
}
