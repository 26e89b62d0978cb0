package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gbx.chaincode.model.DataCategory.BORDER_CROSSINGS;
import static org.gbx.chaincode.model.DataCategory.CCTV;
import static org.gbx.chaincode.model.DataCategory.IDENTITY;
import static org.gbx.chaincode.model.DataCategory.VEHICLES;
import static org.gbx.chaincode.testing.Forces.MACAU;
import static org.gbx.chaincode.testing.Forces.OVERSIGHT;
import static org.gbx.chaincode.testing.Forces.ZHUHAI;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.gbx.chaincode.identity.Hashes;
import org.gbx.chaincode.ledger.LedgerJson;
import org.gbx.chaincode.model.AuditTrail;
import org.gbx.chaincode.model.DataCategory;
import org.gbx.chaincode.model.DetailsCheck;
import org.gbx.chaincode.model.ExchangeRequest;
import org.gbx.chaincode.model.Page;
import org.gbx.chaincode.model.RequestEvent;
import org.gbx.chaincode.model.Status;
import org.gbx.chaincode.model.Suspension;
import org.gbx.chaincode.rules.Input;
import org.gbx.chaincode.testing.DecodedKeyPolicy;
import org.gbx.chaincode.testing.Exchange;
import org.gbx.chaincode.testing.InMemoryLedger;
import org.gbx.chaincode.testing.Officer;
import org.gbx.chaincode.testing.Refusals;
import org.gbx.chaincode.testing.Samples;
import org.gbx.chaincode.testing.TestChannel;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExchangeContractTest {
    private static final String ID = "req-2025-0001";

    private final TestChannel channel = new TestChannel();
    private final Exchange exchange = new Exchange(channel);

    private ErrorCode refusalOf(Officer who, BiFunction<ExchangeContract, Context, String> transaction) {
        return refusalOf(who, Map.of(), transaction);
    }

    private ErrorCode refusalOf(Officer who, Map<String, byte[]> transientData,
            BiFunction<ExchangeContract, Context, String> transaction) {
        return Refusals.refusalOf(channel, who, transientData, transaction);
    }

    private InMemoryLedger.Event lastEvent() {
        List<InMemoryLedger.Event> events = channel.ledger().events();
        return events.get(events.size() - 1);
    }

    private RequestEvent lastRequestEvent() {
        return LedgerJson.read(lastEvent().payload(), RequestEvent.class);
    }

    @Nested
    class CreateRequest {
        @Test
        void stores_a_pending_request_with_the_hash_of_the_case_details_and_the_answer_deadline() {
            exchange.create(ID);

            ExchangeRequest request = exchange.request(ID);
            assertThat(request.status()).isEqualTo(Status.PENDING);
            assertThat(request.requesterOrg()).isEqualTo(MACAU);
            assertThat(request.targetOrg()).isEqualTo(ZHUHAI);
            assertThat(request.detailsHash()).isEqualTo(Hashes.sha256Hex(Samples.CASE_DETAILS));
            assertThat(request.answerDueAt()).isEqualTo(TestChannel.START.plus(Duration.ofDays(7)));
            assertThat(request.categories()).containsExactly(IDENTITY, BORDER_CROSSINGS, VEHICLES);
            assertThat(lastEvent().name()).isEqualTo("RequestCreated");
        }

        @Test
        void puts_the_case_details_in_both_forces_implicit_collections_and_nowhere_public() {
            exchange.create(ID);

            byte[] details = Samples.CASE_DETAILS.getBytes(StandardCharsets.UTF_8);
            assertThat(channel.ledger().collection("_implicit_org_MacauPJMSP")).containsEntry("details~" + ID, details);
            assertThat(channel.ledger().collection("_implicit_org_ZhuhaiPSBMSP")).containsEntry("details~" + ID, details);
            assertThat(channel.ledger().collection("_implicit_org_OversightMSP")).isEmpty();
            String everythingPublic = publicText();
            assertThat(Samples.PERSONAL_DATA).noneMatch(everythingPublic::contains);
        }

        @Test
        void requires_both_forces_to_endorse_every_key_it_writes() {
            exchange.create(ID);

            assertThat(channel.ledger().exchangeState().keySet()).allSatisfy(key -> {
                DecodedKeyPolicy policy = DecodedKeyPolicy.of(channel.ledger().validationParameter(key));
                assertThat(policy.mspIds()).containsExactlyInAnyOrder(MACAU, ZHUHAI);
                assertThat(policy.roles()).containsOnly(MSPRoleType.PEER);
                assertThat(policy.required()).isEqualTo(2);
            });
        }

        @Test
        void replayed_with_the_same_content_returns_the_existing_record_and_writes_nothing() {
            String first = exchange.create(ID);
            int commits = channel.ledger().events().size();
            channel.advance(Duration.ofMinutes(5));

            assertThat(exchange.create(ID)).isEqualTo(first);
            assertThat(channel.ledger().events()).hasSize(commits);
        }

        @Test
        void with_an_id_already_used_for_other_content_is_refused() {
            exchange.create(ID);

            assertThat(refusalOf(exchange.macauLiaison, TestChannel.details(Samples.CASE_DETAILS),
                    (c, ctx) -> c.createRequest(ctx, ID, Samples.requestJson(ZHUHAI, CCTV))))
                    .isEqualTo(ErrorCode.REQUEST_ID_CONFLICT);
        }

        @Test
        void with_plain_case_details_is_refused_before_anything_is_written() {
            assertThat(refusalOf(exchange.macauLiaison, TestChannel.details(Samples.PLAIN_CASE_DETAILS),
                    (c, ctx) -> c.createRequest(ctx, ID, Samples.requestJson(ZHUHAI, IDENTITY))))
                    .isEqualTo(ErrorCode.DETAILS_NOT_SEALED);
            String wrongFormat = Samples.CASE_DETAILS.replace("gbx-sealed-details/1", "gbx-sealed-details/0");
            String shortNonce = Samples.CASE_DETAILS.replaceFirst("\"nonce\":\"[^\"]{4}", "\"nonce\":\"");
            String extraMember = Samples.CASE_DETAILS.replace("{", "{\"narrative\":\"x\",");
            for (String details : new String[] {wrongFormat, shortNonce, extraMember}) {
                assertThat(refusalOf(exchange.macauLiaison, TestChannel.details(details),
                        (c, ctx) -> c.createRequest(ctx, ID, Samples.requestJson(ZHUHAI, IDENTITY))))
                        .as(details).isEqualTo(ErrorCode.DETAILS_NOT_SEALED);
            }
            assertThat(channel.ledger().collection("_implicit_org_MacauPJMSP")).isEmpty();
            // only the forces' registrations the test channel starts with
            assertThat(channel.ledger().publicState()).allSatisfy((key, value) -> assertThat(key).startsWith("suspension~"));
        }

        @Test
        void without_transient_details_is_refused() {
            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.createRequest(ctx, ID,
                    Samples.requestJson(ZHUHAI, IDENTITY)))).isEqualTo(ErrorCode.MISSING_DETAILS);
        }

        @Test
        void refuses_bad_input_each_with_its_code() {
            assertThat(create("bad id!", Samples.requestJson(ZHUHAI, IDENTITY))).isEqualTo(ErrorCode.MALFORMED_ID);
            assertThat(create(ID, "{not json")).isEqualTo(ErrorCode.MALFORMED_JSON);
            assertThat(create(ID, Samples.requestJson(ZHUHAI, IDENTITY).replace("\"H1\"", "\"H9\"")))
                    .isEqualTo(ErrorCode.UNKNOWN_ENUM_VALUE);
            assertThat(create(ID, Samples.requestJson(ZHUHAI, IDENTITY).replace("\"IDENTITY\"", "\"DNA\"")))
                    .isEqualTo(ErrorCode.UNKNOWN_ENUM_VALUE);
            assertThat(create(ID, Samples.requestJson(ZHUHAI, IDENTITY).replace("Trace", "x".repeat(501))))
                    .isEqualTo(ErrorCode.FIELD_TOO_LONG);
            assertThat(create(ID, Samples.requestJson(ZHUHAI, IDENTITY).replace("Trace", "x".repeat(120_000))))
                    .as("a 120 kB purpose is too long, not malformed").isEqualTo(ErrorCode.FIELD_TOO_LONG);
            assertThat(create(ID, Samples.requestJson(ZHUHAI, IDENTITY).replace("Trace", "Trace ID 1234567(8)")))
                    .isEqualTo(ErrorCode.PERSONAL_DATA_SUSPECTED);
            assertThat(create(ID, Samples.requestJson(ZHUHAI, IDENTITY).replace("30}", "3000}")))
                    .isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(create(ID, Samples.requestJson(ZHUHAI, IDENTITY).replace("\"H1\"", "\"H3\"")))
                    .isEqualTo(ErrorCode.MISSING_FIELD);
            assertThat(create(ID, Samples.requestJson(ZHUHAI, IDENTITY).replace("{", "{\"subject\":\"x\",")))
                    .isEqualTo(ErrorCode.MALFORMED_JSON);
            assertThat(create(ID, Samples.requestJson(MACAU, IDENTITY))).isEqualTo(ErrorCode.INVALID_TARGET);
            assertThat(create(ID, Samples.requestJson(OVERSIGHT, IDENTITY))).isEqualTo(ErrorCode.INVALID_TARGET);
        }

        private ErrorCode create(String id, String json) {
            return refusalOf(exchange.macauLiaison, TestChannel.details(Samples.CASE_DETAILS),
                    (c, ctx) -> c.createRequest(ctx, id, json));
        }
    }

    @Nested
    class ApproveRequest {
        @Test
        void granting_every_requested_category_approves_fully() {
            exchange.create(ID);
            exchange.approve(ID);

            ExchangeRequest request = exchange.request(ID);
            assertThat(request.status()).isEqualTo(Status.APPROVED);
            assertThat(request.grant().maxAccesses()).isEqualTo(3);
            assertThat(request.grant().expiresAt()).isEqualTo(Samples.EXPIRES_AT);
            assertThat(lastEvent().name()).isEqualTo("RequestApproved");
            assertThat(lastRequestEvent().status()).isEqualTo(Status.APPROVED);
        }

        @Test
        void granting_fewer_categories_approves_partially() {
            exchange.create(ID);
            exchange.approvePartially(ID);

            assertThat(exchange.request(ID).status()).isEqualTo(Status.PARTIALLY_APPROVED);
            assertThat(exchange.request(ID).grant().categories()).containsExactly(IDENTITY);
        }

        @Test
        void a_grant_wider_than_the_request_is_refused() {
            exchange.create(ID);

            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.approveRequest(ctx, ID,
                    Samples.grantJson(Samples.EXPIRES_AT, Samples.DESTROY_BY, 3, IDENTITY, CCTV))))
                    .isEqualTo(ErrorCode.GRANT_EXCEEDS_REQUEST);
        }

        @Test
        void deadlines_out_of_order_or_beyond_the_retention_are_refused() {
            exchange.create(ID);

            assertThat(approveWith(Samples.grantJson(TestChannel.START, Samples.DESTROY_BY, 3, IDENTITY)))
                    .isEqualTo(ErrorCode.INVALID_DEADLINE);
            assertThat(approveWith(Samples.grantJson(Samples.DESTROY_BY, Samples.EXPIRES_AT, 3, IDENTITY)))
                    .isEqualTo(ErrorCode.INVALID_DEADLINE);
            assertThat(approveWith(Samples.grantJson(Samples.EXPIRES_AT,
                    TestChannel.START.plus(Duration.ofDays(31)), 3, IDENTITY))).isEqualTo(ErrorCode.INVALID_DEADLINE);
            assertThat(approveWith(Samples.grantJson(Samples.EXPIRES_AT, Samples.DESTROY_BY, 0, IDENTITY)))
                    .isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(approveWith(Samples.grantJson(Samples.EXPIRES_AT, Samples.DESTROY_BY, 3, IDENTITY)
                    .replace(Samples.EXPIRES_AT.toString(), "next week"))).isEqualTo(ErrorCode.INVALID_VALUE);
        }

        @Test
        void a_refused_deadline_names_the_part_of_the_rule_that_failed() {
            exchange.create(ID);

            assertThat(deadlineRefusal(Samples.grantJson(TestChannel.START, Samples.DESTROY_BY, 3, IDENTITY)))
                    .isEqualTo("INVALID_DEADLINE: expiresAt must be after " + TestChannel.START.plusSeconds(60)
                            + ", the latest time the transaction can have been made");
            assertThat(deadlineRefusal(Samples.grantJson(Samples.DESTROY_BY, Samples.EXPIRES_AT, 3, IDENTITY)))
                    .isEqualTo("INVALID_DEADLINE: destroyBy must not be before expiresAt " + Samples.DESTROY_BY);
            assertThat(deadlineRefusal(Samples.grantJson(Samples.EXPIRES_AT,
                    TestChannel.START.plus(Duration.ofDays(31)), 3, IDENTITY)))
                    .isEqualTo("INVALID_DEADLINE: destroyBy must be within retentionDays 30 of the earliest time the "
                            + "transaction can have been made, at the latest "
                            + TestChannel.START.minusSeconds(60).plus(Duration.ofDays(30)));
        }

        private String deadlineRefusal(String grantJson) {
            return Refusals.refusal(channel, exchange.zhuhaiApprover, Map.of(),
                    (c, ctx) -> c.approveRequest(ctx, ID, grantJson)).getMessage();
        }

        @Test
        void an_approval_of_an_approved_request_is_an_illegal_transition() {
            exchange.create(ID);
            exchange.approve(ID);

            assertThat(approveWith(Samples.grantJson(Samples.EXPIRES_AT, Samples.DESTROY_BY, 3, IDENTITY)))
                    .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        }

        @Test
        void the_requesting_force_cannot_approve_its_own_request() {
            exchange.create(ID);

            assertThat(refusalOf(exchange.macauApprover, (c, ctx) -> c.approveRequest(ctx, ID,
                    Samples.grantJson(Samples.EXPIRES_AT, Samples.DESTROY_BY, 3, IDENTITY))))
                    .isEqualTo(ErrorCode.UNAUTHORIZED);
        }

        private ErrorCode approveWith(String grantJson) {
            return refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.approveRequest(ctx, ID, grantJson));
        }
    }

    @Nested
    class RejectRequest {
        @Test
        void records_the_reason_and_the_approver_hash() {
            exchange.create(ID);
            exchange.reject(ID);

            ExchangeRequest request = exchange.request(ID);
            assertThat(request.status()).isEqualTo(Status.REJECTED);
            assertThat(request.rejection().reason()).isEqualTo("Outside the liaison arrangement");
            assertThat(request.rejection().by()).hasSize(64);
            assertThat(lastEvent().name()).isEqualTo("RequestRejected");
        }

        @Test
        void without_a_reason_is_refused() {
            exchange.create(ID);

            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.rejectRequest(ctx, ID, " ")))
                    .isEqualTo(ErrorCode.MISSING_FIELD);
        }
    }

    @Nested
    class RevokeGrant {
        @Test
        void withdraws_a_live_grant_so_no_more_access_is_possible() {
            exchange.bringTo(ID, Status.RECEIVED);
            exchange.revoke(ID);

            assertThat(exchange.request(ID).status()).isEqualTo(Status.REVOKED);
            assertThat(lastEvent().name()).isEqualTo("GrantRevoked");
            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.recordAccess(ctx, ID, "Another look")))
                    .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        }
    }

    @Nested
    class RecordDelivery {
        @Test
        void records_the_package_hash_and_codes_of_an_approved_request() {
            exchange.bringTo(ID, Status.DELIVERED);

            ExchangeRequest request = exchange.request(ID);
            assertThat(request.delivery().packageHash()).isEqualTo(Samples.packageHash(ID));
            assertThat(request.delivery().informationAccuracy()).isEqualTo(2);
            assertThat(lastEvent().name()).isEqualTo("DeliveryRecorded");
        }

        @Test
        void of_a_category_that_was_not_granted_is_refused() {
            exchange.create(ID);
            exchange.approvePartially(ID);

            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.recordDelivery(ctx, ID,
                    Samples.deliveryJson(ID, IDENTITY, VEHICLES)))).isEqualTo(ErrorCode.CATEGORY_NOT_GRANTED);
        }

        @Test
        void after_the_grant_expired_is_refused() {
            exchange.bringTo(ID, Status.APPROVED);
            channel.setTime(Samples.EXPIRES_AT);

            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.recordDelivery(ctx, ID,
                    Samples.deliveryJson(ID, IDENTITY)))).isEqualTo(ErrorCode.GRANT_EXPIRED);
        }

        @Test
        void with_a_malformed_hash_is_refused() {
            exchange.bringTo(ID, Status.APPROVED);

            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.recordDelivery(ctx, ID,
                    Samples.deliveryJson(ID, IDENTITY).replace(Samples.packageHash(ID), "abc"))))
                    .isEqualTo(ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class RecordNoMatch {
        @Test
        void the_holders_liaison_answers_that_nothing_matched_and_the_requester_sees_it() {
            exchange.bringTo(ID, Status.PARTIALLY_APPROVED);
            channel.advance(Duration.ofHours(1));

            channel.submit(exchange.zhuhaiLiaison, (c, ctx) -> c.recordNoMatch(ctx, ID));

            ExchangeRequest request = exchange.request(ID);
            assertThat(request.status()).isEqualTo(Status.NO_MATCH);
            assertThat(channel.evaluate(exchange.zhuhaiLiaison, (c, ctx) -> c.whoAmI(ctx)))
                    .contains("\"officer\":\"" + request.noMatch().by() + "\"");
            assertThat(request.noMatch().at()).isEqualTo(channel.now());
            assertThat(request.noMatch().categories()).containsExactly(IDENTITY);
            assertThat(request.delivery()).isNull();
            assertThat(lastEvent().name()).isEqualTo("NoMatchRecorded");
            assertThat(lastRequestEvent().status()).isEqualTo(Status.NO_MATCH);
        }

        @Test
        void is_refused_to_anyone_but_the_holders_liaison() {
            exchange.bringTo(ID, Status.APPROVED);

            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.recordNoMatch(ctx, ID)))
                    .isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordNoMatch(ctx, ID)))
                    .isEqualTo(ErrorCode.UNAUTHORIZED);
        }

        @Test
        void is_refused_once_something_was_delivered_and_before_a_grant() {
            exchange.bringTo(ID, Status.DELIVERED);
            exchange.bringTo("req-pending", Status.PENDING);

            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.recordNoMatch(ctx, ID)))
                    .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.recordNoMatch(ctx, "req-pending")))
                    .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        }

        @Test
        void after_the_grant_expired_is_refused() {
            exchange.bringTo(ID, Status.APPROVED);
            channel.setTime(Samples.EXPIRES_AT);

            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.recordNoMatch(ctx, ID)))
                    .isEqualTo(ErrorCode.GRANT_EXPIRED);
        }

        @Test
        void while_a_force_is_suspended_is_refused() {
            exchange.bringTo(ID, Status.APPROVED);
            channel.submit(exchange.auditor, (c, ctx) -> c.suspendOrg(ctx, ZHUHAI, "Audit"));

            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.recordNoMatch(ctx, ID)))
                    .isEqualTo(ErrorCode.ORG_SUSPENDED);
        }

        @Test
        void leaves_the_request_to_be_destroyed_which_purges_the_case_details() {
            exchange.bringTo(ID, Status.NO_MATCH);

            exchange.destroy(ID);

            assertThat(exchange.request(ID).status()).isEqualTo(Status.DESTROYED);
            assertThat(channel.ledger().collection("_implicit_org_" + MACAU)).isEmpty();
            assertThat(channel.ledger().collection("_implicit_org_" + ZHUHAI)).isEmpty();
        }
    }

    @Nested
    class RecordReceipt {
        @Test
        void a_matching_hash_marks_the_request_received() {
            exchange.bringTo(ID, Status.RECEIVED);

            ExchangeRequest request = exchange.request(ID);
            assertThat(request.status()).isEqualTo(Status.RECEIVED);
            assertThat(request.receipt().matches()).isTrue();
            assertThat(lastEvent().name()).isEqualTo("ReceiptRecorded");
        }

        @Test
        void a_mismatching_hash_is_recorded_and_flagged_and_the_owner_can_deliver_again() {
            exchange.bringTo(ID, Status.DELIVERED);

            channel.submit(exchange.macauLiaison, (c, ctx) -> c.recordReceipt(ctx, ID, Hashes.sha256Hex("tampered")));

            ExchangeRequest request = exchange.request(ID);
            assertThat(request.status()).isEqualTo(Status.DELIVERED);
            assertThat(request.receipt().matches()).isFalse();
            assertThat(lastEvent().name()).isEqualTo("ReceiptMismatch");
            exchange.deliver(ID);
            assertThat(exchange.request(ID).receipt()).isNull();
            exchange.receive(ID);
            assertThat(exchange.request(ID).status()).isEqualTo(Status.RECEIVED);
        }
    }

    @Nested
    class RecordAccess {
        @Test
        void counts_each_access_and_keeps_a_record_with_the_officer_hash() {
            exchange.bringTo(ID, Status.ACCESSED);
            exchange.access(ID);

            assertThat(exchange.request(ID).accessCount()).isEqualTo(2);
            assertThat(lastEvent().name()).isEqualTo("AccessRecorded");
            String accesses = channel.evaluate(exchange.auditor, (c, ctx) -> c.listAccesses(ctx, ID));
            assertThat(accesses).contains("\"sequence\":1", "\"sequence\":2", "Cross-check with the port log");
        }

        @Test
        void beyond_the_granted_number_of_accesses_is_refused() {
            exchange.bringTo(ID, Status.ACCESSED);
            exchange.access(ID);
            exchange.access(ID);

            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.recordAccess(ctx, ID, "Fourth look")))
                    .isEqualTo(ErrorCode.ACCESS_LIMIT_REACHED);
        }

        @Test
        void at_or_after_the_expiry_is_refused() {
            exchange.bringTo(ID, Status.RECEIVED);
            channel.setTime(Samples.EXPIRES_AT);

            ChaincodeException refusal = catchThrowableOfType(ChaincodeException.class, () -> channel.submit(
                    exchange.macauLiaison, (c, ctx) -> c.recordAccess(ctx, ID, "Late look")));

            assertThat(ErrorCode.of(refusal)).isEqualTo(ErrorCode.GRANT_EXPIRED);
            assertThat(refusal.getMessage()).contains("the grant expires at " + Samples.EXPIRES_AT);
        }

        @Test
        void while_either_force_is_suspended_is_refused() {
            exchange.bringTo(ID, Status.RECEIVED);
            channel.submit(exchange.auditor, (c, ctx) -> c.suspendOrg(ctx, ZHUHAI, "Audit of data handling"));

            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.recordAccess(ctx, ID, "A look")))
                    .isEqualTo(ErrorCode.ORG_SUSPENDED);
        }
    }

    @Nested
    class ExpireGrant {
        @Test
        void marks_a_grant_past_its_expiry_as_expired() {
            exchange.bringTo(ID, Status.EXPIRED);

            assertThat(exchange.request(ID).status()).isEqualTo(Status.EXPIRED);
            assertThat(lastEvent().name()).isEqualTo("GrantExpired");
        }

        @Test
        void before_the_expiry_is_refused() {
            exchange.bringTo(ID, Status.APPROVED);

            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.expireGrant(ctx, ID)))
                    .isEqualTo(ErrorCode.DEADLINE_NOT_PASSED);
        }
    }

    @Nested
    class RecordDestruction {
        @Test
        void purges_both_private_copies_and_leaves_the_hash_checkable() {
            exchange.bringTo(ID, Status.DESTROYED);

            ExchangeRequest request = exchange.request(ID);
            assertThat(request.destruction().late()).isFalse();
            assertThat(lastEvent().name()).isEqualTo("DestructionRecorded");
            assertThat(channel.ledger().collection("_implicit_org_MacauPJMSP")).isEmpty();
            assertThat(channel.ledger().collection("_implicit_org_ZhuhaiPSBMSP")).isEmpty();
            DetailsCheck check = LedgerJson.read(channel.evaluate(exchange.auditor,
                    (c, ctx) -> c.verifyDetailsHash(ctx, ID)).getBytes(StandardCharsets.UTF_8), DetailsCheck.class);
            assertThat(check.matches()).isFalse();
            assertThat(check.requesterCopyHash()).isNull();
        }

        @Test
        void after_the_destroy_by_date_is_accepted_but_flagged_late() {
            exchange.bringTo(ID, Status.RECEIVED);
            channel.setTime(Samples.DESTROY_BY.plusSeconds(1));
            exchange.destroy(ID);

            assertThat(exchange.request(ID).destruction().late()).isTrue();
        }

        @Test
        void stays_allowed_while_a_force_is_suspended() {
            exchange.bringTo(ID, Status.RECEIVED);
            channel.submit(exchange.auditor, (c, ctx) -> c.suspendOrg(ctx, MACAU, "Audit of data handling"));
            exchange.destroy(ID);

            assertThat(exchange.request(ID).status()).isEqualTo(Status.DESTROYED);
        }

        @Test
        void with_an_unknown_method_is_refused() {
            exchange.bringTo(ID, Status.RECEIVED);

            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.recordDestruction(ctx, ID, "BURN")))
                    .isEqualTo(ErrorCode.UNKNOWN_ENUM_VALUE);
        }
    }

    @Nested
    class Suspensions {
        @Test
        void the_committee_suspends_and_unsuspends_a_force_and_only_its_peers_may_endorse_that() {
            String suspended = channel.submit(exchange.auditor, (c, ctx) -> c.suspendOrg(ctx, ZHUHAI, "Audit"));

            assertThat(LedgerJson.read(suspended.getBytes(StandardCharsets.UTF_8), Suspension.class).suspended()).isTrue();
            assertThat(lastEvent().name()).isEqualTo("OrgSuspended");
            DecodedKeyPolicy policy = DecodedKeyPolicy.of(channel.ledger().validationParameter("suspension~" + ZHUHAI));
            assertThat(policy.mspIds()).containsExactly(OVERSIGHT);
            assertThat(policy.roles()).containsExactly(MSPRoleType.PEER);
            channel.submit(Officer.of(OVERSIGHT, "admin"), (c, ctx) -> c.unsuspendOrg(ctx, ZHUHAI, "Audit closed"));
            assertThat(channel.evaluate(exchange.macauLiaison, (c, ctx) -> c.getSuspension(ctx, ZHUHAI)))
                    .contains("\"suspended\":false");
        }

        @Test
        void a_suspended_force_can_neither_create_nor_answer_requests() {
            exchange.create("req-open");
            channel.submit(exchange.auditor, (c, ctx) -> c.suspendOrg(ctx, MACAU, "Audit"));

            ChaincodeException refusal = catchThrowableOfType(ChaincodeException.class, () -> exchange.create(ID));
            assertThat(ErrorCode.of(refusal)).isEqualTo(ErrorCode.ORG_SUSPENDED);
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.approveRequest(ctx, "req-open",
                    Samples.grantJson(Samples.EXPIRES_AT, Samples.DESTROY_BY, 3, IDENTITY))))
                    .isEqualTo(ErrorCode.ORG_SUSPENDED);
        }

        @Test
        void a_force_cannot_suspend_and_the_committee_cannot_suspend_twice_or_itself() {
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.suspendOrg(ctx, MACAU, "Rivalry")))
                    .isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(refusalOf(exchange.auditor, (c, ctx) -> c.unsuspendOrg(ctx, MACAU, "Nothing to lift")))
                    .isEqualTo(ErrorCode.SUSPENSION_UNCHANGED);
            assertThat(refusalOf(exchange.auditor, (c, ctx) -> c.suspendOrg(ctx, OVERSIGHT, "Self")))
                    .isEqualTo(ErrorCode.INVALID_TARGET);
        }
    }

    @Nested
    class Queries {
        @Test
        void each_force_reads_its_own_copy_of_the_details_and_the_committee_none() {
            exchange.create(ID);

            assertThat(channel.evaluate(exchange.macauLiaison, (c, ctx) -> c.getPrivateDetails(ctx, ID)))
                    .isEqualTo(Samples.CASE_DETAILS);
            assertThat(channel.evaluate(exchange.zhuhaiApprover, (c, ctx) -> c.getPrivateDetails(ctx, ID)))
                    .isEqualTo(Samples.CASE_DETAILS);
            ChaincodeException refusal = catchThrowableOfType(ChaincodeException.class,
                    () -> channel.evaluate(exchange.auditor, (c, ctx) -> c.getPrivateDetails(ctx, ID)));
            assertThat(ErrorCode.of(refusal)).isEqualTo(ErrorCode.UNAUTHORIZED);
        }

        @Test
        void the_committee_checks_both_private_copies_against_the_public_hash() {
            exchange.create(ID);

            DetailsCheck check = LedgerJson.read(channel.evaluate(exchange.auditor,
                    (c, ctx) -> c.verifyDetailsHash(ctx, ID)).getBytes(StandardCharsets.UTF_8), DetailsCheck.class);
            assertThat(check.matches()).isTrue();
            assertThat(check.targetCopyHash()).isEqualTo(Hashes.sha256Hex(Samples.CASE_DETAILS));
        }

        @Test
        void list_requests_pages_through_an_organisations_requests_by_status() {
            for (int i = 1; i <= 5; i++) {
                exchange.create("req-" + i);
            }
            exchange.approve("req-3");

            Page first = page(ZHUHAI, "PENDING", "", 3);
            Page second = page(ZHUHAI, "PENDING", first.bookmark(), 3);
            assertThat(first.records()).extracting(ExchangeRequest::requestId).containsExactly("req-1", "req-2", "req-4");
            assertThat(second.records()).extracting(ExchangeRequest::requestId).containsExactly("req-5");
            assertThat(page(MACAU, "APPROVED", "", 10).records()).extracting(ExchangeRequest::requestId)
                    .containsExactly("req-3");
            assertThat(page(MACAU, "", "", 10).records()).hasSize(5);
            assertThat(page(OVERSIGHT, "", "", 10).records()).isEmpty();
        }

        @Test
        void list_requests_refuses_an_unknown_status_and_a_bad_page_size() {
            ChaincodeException unknownStatus = catchThrowableOfType(ChaincodeException.class, () -> channel.evaluate(
                    exchange.auditor, (c, ctx) -> c.listRequests(ctx, MACAU, "LOST", "10", "")));
            ChaincodeException badSize = catchThrowableOfType(ChaincodeException.class, () -> channel.evaluate(
                    exchange.auditor, (c, ctx) -> c.listRequests(ctx, MACAU, "",
                    String.valueOf(Input.MAX_PAGE_SIZE + 1), "")));

            assertThat(ErrorCode.of(unknownStatus)).isEqualTo(ErrorCode.UNKNOWN_ENUM_VALUE);
            assertThat(ErrorCode.of(badSize)).isEqualTo(ErrorCode.INVALID_VALUE);
        }

        @Test
        void history_lists_every_version_of_the_request_oldest_first() {
            exchange.bringTo(ID, Status.ACCESSED);

            String history = channel.evaluate(exchange.auditor, (c, ctx) -> c.getHistory(ctx, ID));
            assertThat(history).containsSubsequence("\"PENDING\"", "\"APPROVED\"", "\"DELIVERED\"", "\"RECEIVED\"",
                    "\"ACCESSED\"");
        }

        @Test
        void audit_trails_answer_for_many_requests_what_history_and_accesses_answer_for_each() {
            exchange.bringTo("req-1", Status.ACCESSED);
            exchange.create("req-2");

            AuditTrail[] trails = LedgerJson.read(channel.evaluate(exchange.auditor,
                    (c, ctx) -> c.getAuditTrails(ctx, "[\"req-1\",\"req-2\"]")).getBytes(StandardCharsets.UTF_8),
                    AuditTrail[].class);

            assertThat(trails).extracting(AuditTrail::requestId).containsExactly("req-1", "req-2");
            for (AuditTrail trail : trails) {
                String id = trail.requestId();
                assertThat(LedgerJson.write(trail.history()))
                        .isEqualTo(channel.evaluate(exchange.auditor, (c, ctx) -> c.getHistory(ctx, id)));
                assertThat(LedgerJson.write(trail.accesses()))
                        .isEqualTo(channel.evaluate(exchange.auditor, (c, ctx) -> c.listAccesses(ctx, id)));
            }
            assertThat(trails[0].accesses()).isNotEmpty();
            assertThat(trails[1].history()).hasSize(1);
        }

        @Test
        void audit_trails_refuse_an_empty_or_oversized_list_a_malformed_id_and_an_unknown_request() {
            exchange.create(ID);
            String tooMany = "[" + String.join(",", Collections.nCopies(Input.MAX_AUDIT_TRAILS + 1,
                    "\"" + ID + "\"")) + "]";

            assertThat(trailsRefusal("[]")).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(trailsRefusal(tooMany)).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(trailsRefusal("[\"no spaces allowed\"]")).isEqualTo(ErrorCode.MALFORMED_ID);
            assertThat(trailsRefusal("{\"id\":1}")).isEqualTo(ErrorCode.MALFORMED_JSON);
            assertThat(trailsRefusal("[\"" + ID + "\",\"req-unknown\"]")).isEqualTo(ErrorCode.NOT_FOUND);
            ChaincodeException noRole = catchThrowableOfType(ChaincodeException.class, () -> channel.evaluate(
                    Officer.of(MACAU, null), (c, ctx) -> c.getAuditTrails(ctx, "[\"" + ID + "\"]")));
            assertThat(ErrorCode.of(noRole)).isEqualTo(ErrorCode.UNKNOWN_ROLE);
        }

        private ErrorCode trailsRefusal(String idsJson) {
            return ErrorCode.of(catchThrowableOfType(ChaincodeException.class,
                    () -> channel.evaluate(exchange.auditor, (c, ctx) -> c.getAuditTrails(ctx, idsJson))));
        }

        @Test
        void overdue_queries_find_late_answers_expired_grants_and_missing_destructions() {
            exchange.create("req-late-answer");
            exchange.bringTo("req-expiring", Status.RECEIVED);
            exchange.bringTo("req-destroyed", Status.DESTROYED);

            channel.setTime(Samples.EXPIRES_AT.plus(Duration.ofDays(1)));
            assertThat(overdue((c, ctx) -> c.listOverdueAnswers(ctx))).containsExactly("req-late-answer");
            assertThat(overdue((c, ctx) -> c.listOverdueGrants(ctx))).containsExactly("req-expiring");
            assertThat(overdue((c, ctx) -> c.listOverdueDestructions(ctx))).isEmpty();
            channel.setTime(Samples.DESTROY_BY.plusSeconds(1));
            assertThat(overdue((c, ctx) -> c.listOverdueDestructions(ctx))).containsExactly("req-expiring");
        }

        @Test
        void an_identity_without_a_role_may_not_read_requests() {
            exchange.create(ID);

            ChaincodeException refusal = catchThrowableOfType(ChaincodeException.class,
                    () -> channel.evaluate(Officer.of(MACAU, null), (c, ctx) -> c.getRequest(ctx, ID)));
            assertThat(ErrorCode.of(refusal)).isEqualTo(ErrorCode.UNKNOWN_ROLE);
        }

        private Page page(String org, String status, String bookmark, int size) {
            return LedgerJson.read(channel.evaluate(exchange.auditor, (c, ctx) -> c.listRequests(ctx, org, status,
                    String.valueOf(size), bookmark)).getBytes(StandardCharsets.UTF_8), Page.class);
        }

        private List<String> overdue(BiFunction<ExchangeContract, Context, String> query) {
            ExchangeRequest[] requests = LedgerJson.read(channel.evaluate(exchange.auditor, query)
                    .getBytes(StandardCharsets.UTF_8), ExchangeRequest[].class);
            return java.util.Arrays.stream(requests).map(ExchangeRequest::requestId).toList();
        }
    }

    @Nested
    class PersonalData {
        @Test
        void never_reaches_public_state_or_events_through_a_whole_lifecycle() {
            exchange.bringTo(ID, Status.DESTROYED);

            String everythingPublic = publicText();
            assertThat(Samples.PERSONAL_DATA).noneMatch(everythingPublic::contains);
        }
    }

    private String publicText() {
        StringBuilder text = new StringBuilder();
        channel.ledger().publicState().forEach((key, value) ->
                text.append(key).append(new String(value, StandardCharsets.UTF_8)));
        channel.ledger().events().forEach(event -> text.append(event.name())
                .append(new String(event.payload(), StandardCharsets.UTF_8)));
        return text.toString();
    }

}
