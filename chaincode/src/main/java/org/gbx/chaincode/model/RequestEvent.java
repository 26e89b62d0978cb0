package org.gbx.chaincode.model;

import java.time.Instant;

/** Payload of every request event: ids, organisations and the new status, nothing personal. */
public record RequestEvent(String requestId, String requesterOrg, String targetOrg, Status status, Instant at) {

    public static RequestEvent of(ExchangeRequest request) {
        return new RequestEvent(request.requestId(), request.requesterOrg(), request.targetOrg(),
                request.status(), request.updatedAt());
    }
}
