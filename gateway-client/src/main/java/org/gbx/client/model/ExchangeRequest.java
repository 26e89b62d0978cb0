package org.gbx.client.model;

import java.time.Instant;
import java.util.List;

/** A force's request for data from another force and everything that happened to it since. */
public record ExchangeRequest(
        String requestId,
        String requesterOrg,
        String targetOrg,
        String requestingOfficer,
        String purpose,
        String legalBasis,
        HandlingCode handlingCode,
        String handlingConditions,
        List<DataCategory> categories,
        Urgency urgency,
        int retentionDays,
        String detailsHash,
        Instant createdAt,
        Instant answerDueAt,
        Status status,
        Instant updatedAt,
        Grant grant,
        Decision rejection,
        Decision revocation,
        Delivery delivery,
        Receipt receipt,
        int accessCount,
        Destruction destruction,
        NoMatch noMatch) {
}
