package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.chaincode.model.DataCategory.IDENTITY;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import org.gbx.chaincode.model.Status;
import org.gbx.chaincode.rules.ProposalTime;
import org.gbx.chaincode.testing.Exchange;
import org.gbx.chaincode.testing.Officer;
import org.gbx.chaincode.testing.Refusals;
import org.gbx.chaincode.testing.Samples;
import org.gbx.chaincode.testing.TestChannel;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Time is the client's word only within {@link ProposalTime#WINDOW} of the endorsing peers' clocks,
 * and every deadline is decided on the side of that window that cannot favour the client.
 */
class ProposalTimeTest {
    private static final String ID = "req-time-1";
    private static final Duration WINDOW = ProposalTime.WINDOW;
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final TestChannel channel = new TestChannel();
    private final Exchange exchange = new Exchange(channel);

    private ErrorCode refusalOf(Officer who, BiFunction<ExchangeContract, Context, String> transaction) {
        return Refusals.refusalOf(channel, who, Map.of(), transaction);
    }

    @Nested
    class EveryTransaction {
        @Test
        void a_proposal_timestamped_outside_the_window_of_the_peers_clock_is_not_endorsed() {
            exchange.create(ID);
            for (Duration skew : new Duration[] {WINDOW.plus(SECOND), WINDOW.plus(SECOND).negated(), Duration.ofDays(-1)}) {
                channel.skewProposals(skew);
                assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.approveRequest(ctx, ID,
                        Samples.grantJson(Samples.EXPIRES_AT, Samples.DESTROY_BY, 3, IDENTITY))))
                        .as("skew %s", skew).isEqualTo(ErrorCode.TIMESTAMP_OUT_OF_WINDOW);
            }
        }

        @Test
        void a_proposal_within_the_window_is_endorsed_and_records_its_own_timestamp() {
            channel.skewProposals(WINDOW.negated());
            exchange.create(ID);

            assertThat(exchange.request(ID).createdAt()).isEqualTo(TestChannel.START.minus(WINDOW));
        }
    }

    @Nested
    class ApproveRequest {
        @Test
        void an_expiry_within_the_window_of_now_is_refused() {
            exchange.create(ID);

            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.approveRequest(ctx, ID, Samples.grantJson(
                    TestChannel.START.plus(WINDOW), Samples.DESTROY_BY, 3, IDENTITY))))
                    .isEqualTo(ErrorCode.INVALID_DEADLINE);
        }

        @Test
        void the_destroy_by_limit_counts_the_retention_from_the_earliest_time_of_the_endorsement() {
            exchange.create(ID);
            Instant limit = TestChannel.START.minus(WINDOW).plus(Duration.ofDays(30));

            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.approveRequest(ctx, ID,
                    Samples.grantJson(Samples.EXPIRES_AT, limit.plus(SECOND), 3, IDENTITY))))
                    .isEqualTo(ErrorCode.INVALID_DEADLINE);
            channel.submit(exchange.zhuhaiApprover, (c, ctx) -> c.approveRequest(ctx, ID,
                    Samples.grantJson(Samples.EXPIRES_AT, limit, 3, IDENTITY)));
            assertThat(exchange.request(ID).grant().destroyBy()).isEqualTo(limit);
        }

        @Test
        void forward_dating_the_approval_by_the_whole_window_does_not_stretch_the_retention() {
            exchange.create(ID);
            channel.skewProposals(WINDOW);

            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.approveRequest(ctx, ID, Samples.grantJson(
                    Samples.EXPIRES_AT, TestChannel.START.plus(Duration.ofDays(30)).plus(SECOND), 3, IDENTITY))))
                    .isEqualTo(ErrorCode.INVALID_DEADLINE);
        }
    }

    @Nested
    class RecordAccess {
        @Test
        void is_refused_at_the_expiry_even_when_backdated_by_the_whole_window() {
            exchange.bringTo(ID, Status.RECEIVED);
            channel.setTime(Samples.EXPIRES_AT);
            channel.skewProposals(WINDOW.negated());

            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.recordAccess(ctx, ID, "Late look at the log")))
                    .isEqualTo(ErrorCode.GRANT_EXPIRED);
        }

        @Test
        void is_recorded_while_even_the_latest_time_is_before_the_expiry() {
            exchange.bringTo(ID, Status.RECEIVED);
            channel.setTime(Samples.EXPIRES_AT.minus(WINDOW).minus(SECOND));

            exchange.access(ID);

            assertThat(exchange.request(ID).accessCount()).isEqualTo(1);
        }
    }

    @Nested
    class RecordDelivery {
        @Test
        void is_refused_within_the_window_before_the_expiry() {
            exchange.bringTo(ID, Status.APPROVED);
            channel.setTime(Samples.EXPIRES_AT.minus(WINDOW).plus(SECOND));

            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.recordDelivery(ctx, ID,
                    Samples.deliveryJson(ID, IDENTITY)))).isEqualTo(ErrorCode.GRANT_EXPIRED);
        }
    }

    @Nested
    class ExpireGrant {
        @Test
        void is_refused_until_even_the_earliest_time_is_past_the_expiry() {
            exchange.bringTo(ID, Status.APPROVED);
            channel.setTime(Samples.EXPIRES_AT.minus(SECOND));
            channel.skewProposals(WINDOW);

            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.expireGrant(ctx, ID)))
                    .as("forward-dated by the whole window").isEqualTo(ErrorCode.DEADLINE_NOT_PASSED);
            channel.skewProposals(Duration.ZERO);
            channel.setTime(Samples.EXPIRES_AT);
            assertThat(refusalOf(exchange.zhuhaiLiaison, (c, ctx) -> c.expireGrant(ctx, ID)))
                    .as("at the expiry itself").isEqualTo(ErrorCode.DEADLINE_NOT_PASSED);

            channel.skewProposals(Duration.ZERO);
            channel.setTime(Samples.EXPIRES_AT.plus(WINDOW));
            exchange.expire(ID);
            assertThat(exchange.request(ID).status()).isEqualTo(Status.EXPIRED);
        }
    }

    @Nested
    class RecordDestruction {
        @Test
        void counts_as_late_when_the_latest_time_is_after_the_deadline_even_if_backdated() {
            exchange.bringTo(ID, Status.RECEIVED);
            channel.setTime(Samples.DESTROY_BY.plus(SECOND));
            channel.skewProposals(WINDOW.negated());

            exchange.destroy(ID);

            assertThat(exchange.request(ID).destruction().late()).isTrue();
            assertThat(exchange.request(ID).destruction().destroyedAt()).isBefore(Samples.DESTROY_BY);
        }

        @Test
        void is_on_time_when_even_the_latest_time_is_not_after_the_deadline() {
            exchange.bringTo(ID, Status.RECEIVED);
            channel.setTime(Samples.DESTROY_BY.minus(WINDOW));

            exchange.destroy(ID);

            assertThat(exchange.request(ID).destruction().late()).isFalse();
        }
    }
}
