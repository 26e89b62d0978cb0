package org.gbx.client.lookup.ask;

import java.util.Optional;
import org.gbx.client.ledger.SubmitReceipt;
import org.gbx.client.lookup.ReferenceData;
import org.gbx.client.model.LookupRecord;

/**
 * The answer to one lookup: hit (with the holder's reference data) or no hit, the lookup as the
 * ledger recorded it, and how long the steps took.
 *
 * @param ledgerMillis recording the lookup on the ledger (endorsement and commit)
 * @param answerMillis everything else: blinding, the holder's evaluation, verification, the set search
 */
public record LookupOutcome(LookupRecord lookup, SubmitReceipt receipt, Optional<ReferenceData> hit,
        long ledgerMillis, long answerMillis) {

    public boolean isHit() {
        return hit.isPresent();
    }
}
