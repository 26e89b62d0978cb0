package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.ExchangeRequest;
import org.junit.jupiter.api.Test;

/**
 * An approver's spans ({@code --expires 7d --destroy-by 30d}) land inside what the ledger accepts:
 * it counts the retention from the earliest time a proposal may carry, a minute before its own
 * clock, so a destroy-by of exactly "now + 30 days" would be refused on arrival.
 */
class GrantTimesTest {

    private static final ZoneId MACAU = ZoneId.of("Asia/Macau");

    private static ExchangeRequest pendingWithRetentionOf30Days() throws Exception {
        String json = """
                {"requestId":"REQ-1","requesterOrg":"MacauPJMSP","targetOrg":"ZhuhaiPSBMSP",
                 "requestingOfficer":"%s","purpose":"Identify a permit holder","legalBasis":"Agreement art. 3",
                 "handlingCode":"H1","handlingConditions":null,"categories":["IDENTITY","VEHICLES"],
                 "urgency":"NORMAL","retentionDays":30,"detailsHash":"%s","createdAt":"2026-03-02T08:00:00Z",
                 "answerDueAt":"2026-03-09T08:00:00Z","status":"PENDING","updatedAt":"2026-03-02T08:00:00Z",
                 "accessCount":0}""".formatted("a".repeat(64), "b".repeat(64));
        return new ObjectMapper().findAndRegisterModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json, ExchangeRequest.class);
    }

    @Test
    void the_whole_retention_as_a_span_fits_as_the_ledger_counts_it() throws Exception {
        Instant now = Instant.now();
        Instant spansFrom = now.minus(RequestApproveCommand.SPAN_MARGIN);
        Instant expires = TimeInput.parse("30d", MACAU, spansFrom);
        Instant destroyBy = TimeInput.parse("30d", MACAU, spansFrom);

        LocalChecks.grant(pendingWithRetentionOf30Days(), List.of(DataCategory.IDENTITY), expires, destroyBy, now,
                new TimeDisplay(MACAU));
        // the ledger's bound for an approval sent now, with a minute left for it to arrive
        assertThat(destroyBy).isBefore(now.minusSeconds(60).plus(Duration.ofDays(30)).minusSeconds(59));
    }

    @Test
    void a_destroy_by_past_the_retention_as_the_ledger_counts_it_is_refused_before_sending() throws Exception {
        Instant now = Instant.now();
        assertThatThrownBy(() -> LocalChecks.grant(pendingWithRetentionOf30Days(), List.of(DataCategory.IDENTITY),
                now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(30)), now, new TimeDisplay(MACAU)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("destructionBeyondRetention");
    }
}
