package org.gbx.client.audit.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A month of requests with one breach of each kind, for report and browser tests. */
public final class ReportSamples {

    public static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    private ReportSamples() {
    }

    public static List<AuditedRequest> monthWithBreaches() {
        List<AuditedRequest> requests = new ArrayList<>(AuditRulesTest.cleanHistory());
        requests.add(RequestBuilder.pending(Instant.parse("2026-03-10T08:00:00Z")).id("late-answer").build());
        requests.add(RequestBuilder.pending(TO.minus(Duration.ofHours(3))).id("fresh").build());
        requests.add(RequestBuilder.clean().id("overdue").notDestroyed("RECEIVED").build());
        requests.add(RequestBuilder.clean().id("outside").deliveredCategories("IDENTITY", "TELECOM").build());
        RequestBuilder reverse = RequestBuilder.clean().id("zhuhai-asks");
        reverse.requester = "ZhuhaiPSBMSP";
        reverse.target = "MacauPJMSP";
        reverse.createdAt = Instant.parse("2026-03-20T08:00:00Z");
        requests.add(reverse.build());
        return requests;
    }
}
