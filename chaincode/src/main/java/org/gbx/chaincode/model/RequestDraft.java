package org.gbx.chaincode.model;

import static org.gbx.chaincode.ErrorCode.MISSING_FIELD;
import static org.gbx.chaincode.rules.Input.MAX_LEGAL_BASIS;
import static org.gbx.chaincode.rules.Input.MAX_NOTE;
import static org.gbx.chaincode.rules.Input.MAX_PURPOSE;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import org.gbx.chaincode.identity.Caller;
import org.gbx.chaincode.rules.Input;
import org.gbx.chaincode.rules.Lifecycle;

/**
 * The {@code requestJson} argument of CreateRequest: the public terms, no personal data, and
 * optionally the lookup whose hit led to the request.
 */
public record RequestDraft(
        String targetOrg,
        String purpose,
        String legalBasis,
        HandlingCode handlingCode,
        String handlingConditions,
        Set<DataCategory> categories,
        Urgency urgency,
        Integer retentionDays,
        String lookupId) {

    public RequestDraft {
        if (lookupId != null) {
            Input.id("lookupId", lookupId);
        }
    }

    public static final int MAX_RETENTION_DAYS = 365;

    /** Validates every field and builds the PENDING request as of the transaction time. */
    public ExchangeRequest toRequest(String requestId, Caller requester, String detailsHash, Instant now) {
        Input.mspId(Input.required("targetOrg", targetOrg));
        String conditions = Input.optionalText("handlingConditions", handlingConditions, MAX_NOTE);
        if (Input.required("handlingCode", handlingCode) == HandlingCode.H3 && conditions == null) {
            throw MISSING_FIELD.refuse("handlingConditions is required with handling code H3");
        }
        SortedSet<DataCategory> requested = DataCategory.canonical(Input.required("categories", categories));
        if (requested.isEmpty()) {
            throw MISSING_FIELD.refuse("categories must name at least one category");
        }
        Urgency answerUrgency = Input.required("urgency", urgency);
        return new ExchangeRequest(requestId, requester.mspId(), targetOrg, requester.officer(),
                Input.requiredText("purpose", purpose, MAX_PURPOSE),
                Input.requiredText("legalBasis", legalBasis, MAX_LEGAL_BASIS),
                handlingCode, conditions, requested, answerUrgency,
                (int) Input.inRange("retentionDays", retentionDays, 1, MAX_RETENTION_DAYS),
                detailsHash, now, Lifecycle.answerDueAt(now, answerUrgency), Status.PENDING, now,
                null, null, null, null, null, 0, null, null);
    }
}
