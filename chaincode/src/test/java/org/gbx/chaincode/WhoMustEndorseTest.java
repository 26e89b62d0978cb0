package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.chaincode.testing.Forces.MACAU;
import static org.gbx.chaincode.testing.Forces.OVERSIGHT;
import static org.gbx.chaincode.testing.Forces.ZHUHAI;

import org.gbx.chaincode.model.Status;
import org.gbx.chaincode.testing.Exchange;
import org.gbx.chaincode.testing.Forces;
import org.gbx.chaincode.testing.Officer;
import org.gbx.chaincode.testing.TestChannel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Who Fabric's validation will require for each writing transaction (docs/ledger.md, "Who must
 * endorse"), read from what the transaction writes: every transaction of an exchange needs exactly
 * the peers of its two forces, and a suspension exactly the committee's, whatever the
 * chaincode-level policy, because each one writes at least one key (or private collection) whose own
 * policy names them. {@code chaincode} in a set means a key it creates also needs the chaincode-level
 * policy, the peers of two forces, never the committee.
 */
class WhoMustEndorseTest {
    private static final String ID = "req-endorsers-1";
    private static final String LEAF = "ab".repeat(32);

    private final TestChannel channel = new TestChannel();
    private final Exchange exchange = new Exchange(channel);

    private void assertNeedsExactlyBothForces() {
        assertThat(channel.lastRequiredEndorsers()).contains(MACAU, ZHUHAI).doesNotContain(OVERSIGHT, Forces.HONG_KONG);
    }

    @Nested
    class RequestTransactions {
        @Test
        void create_request_writes_each_forces_own_collection_so_both_forces_must_endorse_the_new_keys() {
            exchange.create(ID);

            assertThat(channel.lastRequiredEndorsers()).containsExactlyInAnyOrder("chaincode", MACAU, ZHUHAI);
        }

        @Test
        void every_change_of_a_request_needs_both_forces_through_the_request_records_own_policy() {
            exchange.create(ID);
            for (Runnable step : new Runnable[] {() -> exchange.approve(ID), () -> exchange.deliver(ID),
                () -> exchange.receive(ID), () -> exchange.access(ID), () -> exchange.access(ID),
                () -> exchange.destroy(ID)}) {
                step.run();
                assertNeedsExactlyBothForces();
            }
        }

        @Test
        void rejection_revocation_and_expiry_need_both_forces() {
            exchange.create("req-endorsers-r");
            exchange.reject("req-endorsers-r");
            assertNeedsExactlyBothForces();
            exchange.bringTo("req-endorsers-v", Status.APPROVED);
            exchange.revoke("req-endorsers-v");
            assertNeedsExactlyBothForces();
            exchange.bringTo("req-endorsers-e", Status.EXPIRED);
            assertNeedsExactlyBothForces();
        }
    }

    @Nested
    class EvidenceTransactions {
        @Test
        void an_ask_creates_only_a_new_key_but_is_tied_to_the_request_records_policy() {
            exchange.bringTo(ID, Status.RECEIVED);

            channel.submit(exchange.macauLiaison, (c, ctx) -> c.requestEndorsement(ctx, ID,
                    "{\"leafHash\":\"" + LEAF + "\"}"));

            assertThat(channel.lastRequiredEndorsers()).containsExactlyInAnyOrder("chaincode", MACAU, ZHUHAI);
        }
    }

    @Nested
    class CommitteeTransactions {
        private final Officer auditor = Officer.of(OVERSIGHT, "auditor");

        @Test
        void suspending_and_unsuspending_a_registered_force_need_the_committee_alone() {
            channel.submit(auditor, (c, ctx) -> c.suspendOrg(ctx, ZHUHAI, "Audit of overdue destructions"));
            assertThat(channel.lastRequiredEndorsers()).containsExactly(OVERSIGHT);

            channel.submit(auditor, (c, ctx) -> c.unsuspendOrg(ctx, ZHUHAI, "Audit closed"));
            assertThat(channel.lastRequiredEndorsers()).containsExactly(OVERSIGHT);
        }
    }

    @Nested
    class OtherWrites {
        @Test
        void a_ping_and_the_benchmark_write_need_the_chaincode_level_policy_only() {
            channel.submit(exchange.macauLiaison, (c, ctx) -> c.ping(ctx, "ping-endorsers"));
            assertThat(channel.lastRequiredEndorsers()).containsExactly("chaincode");

            channel.submit(Officer.of(MACAU, "admin"), (c, ctx) -> {
                c.benchWrite(ctx, "bench-endorsers");
                return "";
            });
            assertThat(channel.lastRequiredEndorsers()).containsExactly("chaincode");
        }
    }
}
