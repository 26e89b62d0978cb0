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
        if (!expiresAt.isAfter(time.latest()) || destroyBy.isBefore(expiresAt)
                || destroyBy.isAfter(time.earliest().plus(Duration.ofDays(request.retentionDays())))) {
            throw INVALID_DEADLINE.refuse("need now + " + ProposalTime.WINDOW.toSeconds()
                    + " s < expiresAt <= destroyBy <= now - " + ProposalTime.WINDOW.toSeconds() + " s + retentionDays");
        }
        return new Grant(granted, expiresAt, maxAccesses, destroyBy,
                Input.optionalText("conditions", conditions, MAX_NOTE), approver, time.recorded());
    }
}
