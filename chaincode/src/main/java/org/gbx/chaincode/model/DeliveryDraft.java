package org.gbx.chaincode.model;

import static org.gbx.chaincode.ErrorCode.CATEGORY_NOT_GRANTED;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import org.gbx.chaincode.rules.Input;

/** The {@code deliveryJson} argument of RecordDelivery: what was sent, by hash only. */
public record DeliveryDraft(
        String packageHash,
        String merkleRoot,
        Long recordCount,
        Long sizeBytes,
        SourceReliability sourceReliability,
        Integer informationAccuracy,
        Set<DataCategory> categories) {

    public static final long MAX_RECORDS = 1_000_000;

    /** Checks the syntax of every field, before anything is read from the ledger. */
    public DeliveryDraft {
        Input.sha256Hex("packageHash", packageHash);
        Input.sha256Hex("merkleRoot", merkleRoot);
        Input.inRange("recordCount", recordCount, 1, MAX_RECORDS);
        Input.inRange("sizeBytes", sizeBytes, 1, Long.MAX_VALUE);
        Input.required("sourceReliability", sourceReliability);
        Input.inRange("informationAccuracy", informationAccuracy, 1, 4);
        Input.required("categories", categories);
    }

    /** The delivery under {@code grant}: only granted categories may be sent. */
    public Delivery toDelivery(Grant grant, String deliveredBy, Instant now) {
        SortedSet<DataCategory> sent = DataCategory.canonical(categories);
        if (sent.isEmpty() || !grant.categories().containsAll(sent)) {
            throw CATEGORY_NOT_GRANTED.refuse("delivered categories must be a non-empty subset of the granted ones");
        }
        return new Delivery(packageHash, merkleRoot, recordCount, sizeBytes, sourceReliability, informationAccuracy,
                sent, deliveredBy, now);
    }
}
