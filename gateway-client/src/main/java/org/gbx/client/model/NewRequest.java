package org.gbx.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The public terms of a new request ({@code requestJson}). No personal data: the case details
 * travel separately as {@link CaseDetails} in transient data.
 *
 * @param lookupId the lookup whose hit led to this request, or null (left out of the JSON)
 */
public record NewRequest(String targetOrg, String purpose, String legalBasis, HandlingCode handlingCode,
        String handlingConditions, List<DataCategory> categories, Urgency urgency, int retentionDays,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lookupId) {

    /** A request that no lookup led to. */
    public NewRequest(String targetOrg, String purpose, String legalBasis, HandlingCode handlingCode,
            String handlingConditions, List<DataCategory> categories, Urgency urgency, int retentionDays) {
        this(targetOrg, purpose, legalBasis, handlingCode, handlingConditions, categories, urgency, retentionDays, null);
    }
}
