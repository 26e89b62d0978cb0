package org.gbx.client.model;

import java.util.List;

/**
 * The public terms of a new request ({@code requestJson}). No personal data: the case details
 * travel separately as {@link CaseDetails} in transient data.
 */
public record NewRequest(String targetOrg, String purpose, String legalBasis, HandlingCode handlingCode,
        String handlingConditions, List<DataCategory> categories, Urgency urgency, int retentionDays) {
}
