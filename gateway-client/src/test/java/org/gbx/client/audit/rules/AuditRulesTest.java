package org.gbx.client.audit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.client.audit.rules.RequestBuilder.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule fires on a constructed breach and stays silent on a clean history. */
class AuditRulesTest {

    private static final Instant AS_OF = T0.plus(Duration.ofDays(30));

    /** Twelve clean requests by three officers of similar volume: nothing for any rule. */
    static List<AuditedRequest> cleanHistory() {
        List<AuditedRequest> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.add(RequestBuilder.clean().id("req-" + i).officer("officer-" + (i % 3)).build());
        }
        return requests;
    }

    private static List<Finding> check(AuditRule rule, AuditedRequest... requests) {
        return rule.check(AuditScope.of(List.of(requests), AS_OF));
    }

    @Test
    void a_clean_history_gives_no_finding_at_all() {
        assertThat(AuditRules.check(AuditScope.of(cleanHistory(), AS_OF))).isEmpty();
    }

    @Test
    void a_grant_the_holder_answered_with_no_matching_records_is_no_finding_long_after_its_deadlines() {
        RequestBuilder noMatch = RequestBuilder.clean().id("req-no-match").status("NO_MATCH");
        noMatch.deliveries.clear();
        noMatch.receipts.clear();
        noMatch.accesses.clear();
        noMatch.destroyedAt = java.util.Optional.empty();

        assertThat(AuditRules.check(AuditScope.of(List.of(noMatch.build()), AS_OF.plus(java.time.Duration.ofDays(400)))))
                .as("nothing was delivered, so nothing is overdue for destruction, and the grant is no longer live")
                .isEmpty();
    }

    @Test
    void every_rule_has_a_distinct_id() {
        assertThat(AuditRules.all()).extracting(AuditRule::id).doesNotHaveDuplicates().hasSize(8);
    }

    @Nested
    class TimestampOrder {
        private final AuditRule rule = new TimestampOrderRule();

        @Test
        void fires_on_a_destruction_timestamped_before_the_creation() {
            AuditedRequest request = RequestBuilder.clean().step(T0.plus(Duration.ofMinutes(1)), "ApproveRequest", 2)
                    .step(T0.minus(Duration.ofSeconds(40)), "RecordDestruction", 3).build();

            assertThat(check(rule, request)).singleElement().satisfies(finding -> {
                assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                assertThat(finding.organisation()).isEqualTo("MacauPJMSP");
                assertThat(finding.message()).contains("RecordDestruction", "before ApproveRequest", "block 2");
            });
        }

        @Test
        void fires_on_an_access_before_its_receipt() {
            AuditedRequest request = RequestBuilder.clean().step(T0.plus(Duration.ofHours(3)), "RecordReceipt", 4)
                    .step(T0.plus(Duration.ofHours(3)).minus(Duration.ofSeconds(50)), "RecordAccess", 5).build();

            assertThat(check(rule, request)).singleElement()
                    .satisfies(finding -> assertThat(finding.message()).contains("RecordAccess", "50 s before RecordReceipt"));
        }

        @Test
        void fires_on_a_transaction_held_back_behind_later_blocks_of_other_requests() {
            AuditedRequest busy = RequestBuilder.clean().id("req-busy").step(T0.plus(Duration.ofHours(2)), "RecordAccess", 8)
                    .build();
            AuditedRequest held = RequestBuilder.clean().id("req-held").step(T0.plus(Duration.ofMinutes(30)),
                    "ApproveRequest", 9).build();

            assertThat(check(rule, busy, held)).singleElement().satisfies(finding -> {
                assertThat(finding.subject()).isEqualTo("req-held");
                assertThat(finding.organisation()).isEqualTo("ZhuhaiPSBMSP");
                assertThat(finding.message()).contains("held back", "block 8", "req-busy");
            });
        }

        @Test
        void tolerates_the_clock_differences_of_honest_hosts() {
            AuditedRequest request = RequestBuilder.clean().step(T0.plus(Duration.ofHours(2)), "RecordDelivery", 3)
                    .step(T0.plus(Duration.ofHours(2)).minus(Duration.ofSeconds(2)), "RecordReceipt", 4).build();
            AuditedRequest other = RequestBuilder.clean().id("req-other")
                    .step(T0.plus(Duration.ofHours(2)).minus(Duration.ofSeconds(30)), "RecordAccess", 5).build();

            assertThat(check(rule, request, other)).isEmpty();
        }
    }

    @Nested
    class Unanswered {
        private final AuditRule rule = new UnansweredRequestRule();

        @Test
        void fires_on_a_request_pending_past_its_deadline() {
            List<Finding> findings = check(rule, RequestBuilder.pending(T0).build());

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.BREACH);
                assertThat(f.organisation()).isEqualTo("ZhuhaiPSBMSP");
                assertThat(f.message()).contains("23 days");
            });
        }

        @Test
        void gives_a_notice_for_an_answer_after_the_deadline() {
            assertThat(check(rule, RequestBuilder.clean().answeredAt(T0.plus(Duration.ofDays(8))).build()))
                    .singleElement().extracting(Finding::severity).isEqualTo(Severity.NOTICE);
        }

        @Test
        void stays_silent_on_a_request_pending_within_its_deadline() {
            assertThat(check(rule, RequestBuilder.pending(AS_OF.minus(Duration.ofDays(1))).build())).isEmpty();
        }
    }

    @Nested
    class GrantExpiry {
        private final AuditRule rule = new GrantExpiryRule();

        @Test
        void fires_on_an_access_after_expiry() {
            RequestBuilder request = RequestBuilder.clean();
            request.accessAt(request.grant().expiresAt().plus(Duration.ofHours(2)));

            assertThat(check(rule, request.build())).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.BREACH);
                assertThat(f.message()).contains("Access 3", "2 h after");
            });
        }

        @Test
        void gives_a_notice_for_an_access_shortly_before_expiry() {
            RequestBuilder request = RequestBuilder.clean();
            request.accessAt(request.grant().expiresAt().minus(Duration.ofHours(3)));

            assertThat(check(rule, request.build())).singleElement().extracting(Finding::severity)
                    .isEqualTo(Severity.NOTICE);
        }

        @Test
        void warns_of_a_live_grant_past_expiry() {
            assertThat(check(rule, RequestBuilder.clean().notDestroyed("ACCESSED").build()))
                    .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        }

        @Test
        void stays_silent_on_a_clean_history() {
            assertThat(rule.check(AuditScope.of(cleanHistory(), AS_OF))).isEmpty();
        }
    }

    @Nested
    class AccessCap {
        private final AuditRule rule = new AccessCapRule();

        @Test
        void fires_on_more_accesses_than_the_grant_allows() {
            RequestBuilder request = RequestBuilder.clean();
            for (int i = 0; i < 4; i++) {
                request.accessAt(T0.plus(Duration.ofDays(3)).plusSeconds(i));
            }

            assertThat(check(rule, request.build())).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.BREACH);
                assertThat(f.message()).startsWith("6 accesses recorded; the grant allows 5");
            });
        }

        @Test
        void fires_on_accesses_without_a_grant() {
            assertThat(check(rule, RequestBuilder.clean().withoutGrant().build())).singleElement()
                    .extracting(Finding::severity).isEqualTo(Severity.BREACH);
        }

        @Test
        void stays_silent_on_a_clean_history() {
            assertThat(rule.check(AuditScope.of(cleanHistory(), AS_OF))).isEmpty();
        }
    }

    @Nested
    class DestructionOverdue {
        private final AuditRule rule = new DestructionOverdueRule();

        @Test
        void fires_on_received_data_not_destroyed_after_the_deadline() {
            assertThat(check(rule, RequestBuilder.clean().notDestroyed("RECEIVED").build())).singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.BREACH);
                        assertThat(f.message()).isEqualTo("Destruction overdue by 10 days.");
                    });
        }

        @Test
        void fires_on_a_late_destruction() {
            assertThat(check(rule, RequestBuilder.clean().destroyedAt(T0.plus(Duration.ofDays(21))).build()))
                    .singleElement().extracting(Finding::message).asString().contains("after the destroy-by");
        }

        @Test
        void fires_on_a_destruction_timestamped_within_the_clients_window_before_the_deadline() {
            RequestBuilder late = RequestBuilder.clean();
            late.destroyedAt(late.grant().destroyBy().minus(Duration.ofSeconds(30)));

            assertThat(check(rule, late.build())).singleElement().satisfies(finding -> {
                assertThat(finding.severity()).isEqualTo(Severity.BREACH);
                assertThat(finding.message()).contains("Destroyed late", "30 s before");
            });
        }

        @Test
        void stays_silent_on_a_rejected_request() {
            assertThat(check(rule, RequestBuilder.pending(T0).status("REJECTED").build())).isEmpty();
        }

        @Test
        void stays_silent_on_a_clean_history() {
            assertThat(rule.check(AuditScope.of(cleanHistory(), AS_OF))).isEmpty();
        }
    }

    @Nested
    class DeliveryOutsideGrant {
        private final AuditRule rule = new DeliveryOutsideGrantRule();

        @Test
        void fires_on_a_category_that_was_not_granted() {
            assertThat(check(rule, RequestBuilder.clean().deliveredCategories("IDENTITY", "TELECOM").build()))
                    .singleElement().extracting(Finding::message).isEqualTo("Delivered categories not granted: TELECOM.");
        }

        @Test
        void fires_on_a_delivery_after_expiry() {
            RequestBuilder request = RequestBuilder.clean();
            request.deliveredAt(request.grant().expiresAt());

            assertThat(check(rule, request.build())).singleElement().extracting(Finding::message)
                    .isEqualTo("Delivered after the grant expired.");
        }

        @Test
        void stays_silent_on_a_clean_history() {
            assertThat(rule.check(AuditScope.of(cleanHistory(), AS_OF))).isEmpty();
        }
    }

    @Nested
    class ReceiptMismatch {
        private final AuditRule rule = new ReceiptMismatchRule();

        @Test
        void warns_of_a_mismatch_the_ledger_recorded() {
            assertThat(check(rule, RequestBuilder.clean().receiptHash("b".repeat(64), false).build()))
                    .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        }

        @Test
        void fires_on_a_mismatch_recorded_as_matching() {
            assertThat(check(rule, RequestBuilder.clean().receiptHash("b".repeat(64), true).build()))
                    .singleElement().extracting(Finding::severity).isEqualTo(Severity.BREACH);
        }

        @Test
        void stays_silent_on_a_clean_history() {
            assertThat(rule.check(AuditScope.of(cleanHistory(), AS_OF))).isEmpty();
        }
    }

    @Nested
    class OfficerVolume {
        private final AuditRule rule = new OfficerVolumeRule();

        @Test
        void fires_on_an_officer_far_above_the_others_of_the_same_role() {
            List<AuditedRequest> requests = new ArrayList<>(cleanHistory());
            for (int i = 0; i < 20; i++) {
                requests.add(RequestBuilder.clean().id("bulk-" + i).officer("officer-busy").build());
            }

            List<Finding> findings = rule.check(AuditScope.of(requests, AS_OF));

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.subject()).isEqualTo("officer-busy");
                assertThat(f.message()).contains("20 requests created", "median of the other 3 is 4");
            });
        }

        @Test
        void stays_silent_with_too_few_officers_to_compare() {
            List<AuditedRequest> requests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                requests.add(RequestBuilder.clean().id("only-" + i).officer(i == 0 ? "officer-x" : "officer-busy").build());
            }
            assertThat(rule.check(AuditScope.of(requests, AS_OF))).isEmpty();
        }

        @Test
        void stays_silent_on_a_clean_history() {
            assertThat(rule.check(AuditScope.of(cleanHistory(), AS_OF))).isEmpty();
        }
    }
}
