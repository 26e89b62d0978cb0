package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gbx.chaincode.model.DataCategory.IDENTITY;
import static org.gbx.chaincode.testing.Forces.MACAU;
import static org.gbx.chaincode.testing.Forces.OVERSIGHT;
import static org.gbx.chaincode.testing.Forces.ZHUHAI;

import java.util.function.BiFunction;
import org.gbx.chaincode.testing.DecodedKeyPolicy;
import org.gbx.chaincode.testing.Exchange;
import org.gbx.chaincode.testing.Officer;
import org.gbx.chaincode.testing.Refusals;
import org.gbx.chaincode.testing.Samples;
import org.gbx.chaincode.testing.TestChannel;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which organisations the ledger knows as forces, and which peer answers for which organisation. */
class RegistrationAndPeersTest {
    private static final String ID = "req-peers-1";

    private final TestChannel channel = new TestChannel();
    private final Exchange exchange = new Exchange(channel);

    private ErrorCode refusalOf(Officer who, BiFunction<ExchangeContract, Context, String> transaction) {
        return Refusals.refusalOf(channel, who, TestChannel.details(Samples.CASE_DETAILS), transaction);
    }

    @Nested
    class RegisterForce {
        @Test
        void creates_the_forces_suspension_record_under_the_committees_policy_alone() {
            DecodedKeyPolicy policy = DecodedKeyPolicy.of(channel.ledger().validationParameter("suspension~" + ZHUHAI));

            assertThat(policy.mspIds()).containsExactly(OVERSIGHT);
        }

        @Test
        void is_idempotent() {
            String again = channel.submit(TestChannel.COMMITTEE_ADMIN, (c, ctx) -> c.registerForce(ctx, ZHUHAI));

            assertThat(again).isEqualTo("{\"at\":null,\"by\":null,\"org\":\"ZhuhaiPSBMSP\",\"reason\":null,\"suspended\":false}");
        }

        @Test
        void is_the_committee_admins_alone() {
            for (Officer other : new Officer[] {Officer.of(OVERSIGHT, "auditor"), Officer.of(MACAU, "admin"),
                exchange.zhuhaiApprover}) {
                assertThat(refusalOf(other, (c, ctx) -> c.registerForce(ctx, "ShenzhenPSBMSP")))
                        .as(other.toString()).isEqualTo(ErrorCode.UNAUTHORIZED);
            }
        }

        @Test
        void refuses_the_committee_and_organisations_outside_the_channel() {
            assertThat(refusalOf(TestChannel.COMMITTEE_ADMIN, (c, ctx) -> c.registerForce(ctx, OVERSIGHT)))
                    .isEqualTo(ErrorCode.INVALID_TARGET);
            assertThat(refusalOf(TestChannel.COMMITTEE_ADMIN, (c, ctx) -> c.registerForce(ctx, "NoSuchPoliceMSP")))
                    .isEqualTo(ErrorCode.INVALID_TARGET);
        }
    }

    @Nested
    class CreateRequest {
        @Test
        void a_target_that_is_no_registered_force_is_an_invalid_target_not_a_fabric_error() {
            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.createRequest(ctx, ID,
                    Samples.requestJson("NoSuchPoliceMSP", IDENTITY)))).isEqualTo(ErrorCode.INVALID_TARGET);
        }
    }

    @Nested
    class SuspendOrg {
        @Test
        void an_unregistered_organisation_cannot_be_suspended() {
            assertThat(refusalOf(Officer.of(OVERSIGHT, "auditor"), (c, ctx) -> c.suspendOrg(ctx, "NoSuchPoliceMSP",
                    "Audit"))).isEqualTo(ErrorCode.INVALID_TARGET);
        }
    }

    @Nested
    class GetPrivateDetails {
        @Test
        void asked_through_the_other_forces_peer_answers_details_unavailable() {
            exchange.create(ID);

            ChaincodeException refusal = catchThrowableOfType(ChaincodeException.class, () -> channel.evaluateOnPeerOf(
                    MACAU, exchange.zhuhaiLiaison, (c, ctx) -> c.getPrivateDetails(ctx, ID)));

            assertThat(ErrorCode.of(refusal)).isEqualTo(ErrorCode.DETAILS_UNAVAILABLE);
            assertThat(channel.evaluateOnPeerOf(ZHUHAI, exchange.zhuhaiLiaison, (c, ctx) -> c.getPrivateDetails(ctx, ID)))
                    .isEqualTo(Samples.CASE_DETAILS);
        }
    }

}
