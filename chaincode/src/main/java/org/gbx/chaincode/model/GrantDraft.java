package org.gbx.chaincode.model;

import static org.gbx.chaincode.ErrorCode.GRANT_EXCEEDS_REQUEST;
import static org.gbx.chaincode.ErrorCode.INVALID_DEADLINE;
import static org.gbx.chaincode.rules.Input.MAX_NOTE;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import org.gbx.chaincode.rules.Input;
import org.gbx.chaincode.rules.ProposalTime;

/** The {@code grantJson} argument of ApproveRequest. */
public record GrantDraft(
        Set<DataCategory> categories, Instant expiresAt, Instant destroyBy, Integer maxAccesses, String conditions) {

    public static final int MAX_ACCESSES = 1000;

    /** Checks the syntax of every field, before anything is read from the ledger. */
    public GrantDraft {
        Input.required("categories", categories);
        Input.required("expiresAt", expiresAt);
        Input.required("destroyBy", destroyBy);
        Input.inRange("maxAccesses", maxAccesses, 1, MAX_ACCESSES);
        Input.optionalText("conditions", conditions, MAX_NOTE);
    }

    /**
     * The grant for {@code request}: it can only narrow what was asked, and it must end,
     * and be destroyed, within the retention the requester asked for. Both limits hold for any
     * time the endorsement can have happened at: the expiry is after the latest, the destroy-by
     * date within the retention counted from the earliest.
     */
    public Grant toGrant(ExchangeRequest request, String approver, ProposalTime time) {
        SortedSet<DataCategory> granted = DataCategory.canonical(categories);
        if (granted.isEmpty() || !request.categories().containsAll(granted)) {
            throw GRANT_EXCEEDS_REQUEST.refuse("granted categories must be a non-empty subset of the requested ones");
        }
        // now + window < expiresAt <= destroyBy <= now - window + retentionDays; each part refused in its own words
        if (!expiresAt.isAfter(time.latest())) {
            throw INVALID_DEADLINE.refuse("expiresAt must be after " + time.latest()
                    + ", the latest time the transaction can have been made");
        }
        if (destroyBy.isBefore(expiresAt)) {
            throw INVALID_DEADLINE.refuse("destroyBy must not be before expiresAt " + expiresAt);
        }
        Instant retentionEnd = time.earliest().plus(Duration.ofDays(request.retentionDays()));
        if (destroyBy.isAfter(retentionEnd)) {
            throw INVALID_DEADLINE.refuse("destroyBy must be within retentionDays " + request.retentionDays()
                    + " of the earliest time the transaction can have been made, at the latest " + retentionEnd);
        }
        return new Grant(granted, expiresAt, maxAccesses, destroyBy,
                Input.optionalText("conditions", conditions, MAX_NOTE), approver, time.recorded());
    }
}
