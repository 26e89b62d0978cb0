package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.chaincode.model.Status.ACCESSED;
import static org.gbx.chaincode.model.Status.APPROVED;
import static org.gbx.chaincode.model.Status.DELIVERED;
import static org.gbx.chaincode.model.Status.DESTROYED;
import static org.gbx.chaincode.model.Status.EXPIRED;
import static org.gbx.chaincode.model.Status.NO_MATCH;
import static org.gbx.chaincode.model.Status.PARTIALLY_APPROVED;
import static org.gbx.chaincode.model.Status.PENDING;
import static org.gbx.chaincode.model.Status.RECEIVED;
import static org.gbx.chaincode.model.Status.REJECTED;
import static org.gbx.chaincode.model.Status.REVOKED;
import static org.gbx.chaincode.testing.Forces.HONG_KONG;
import static org.gbx.chaincode.testing.Forces.MACAU;
import static org.gbx.chaincode.testing.Forces.ZHUHAI;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.gbx.chaincode.identity.Hashes;
import org.gbx.chaincode.ledger.LedgerJson;
import org.gbx.chaincode.model.AccessRecord;
import org.gbx.chaincode.model.DataCategory;
import org.gbx.chaincode.model.ExchangeRequest;
import org.gbx.chaincode.model.Status;
import org.gbx.chaincode.testing.DocumentedExplanations;
import org.gbx.chaincode.testing.Exchange;
import org.gbx.chaincode.testing.Officer;
import org.gbx.chaincode.testing.Samples;
import org.gbx.chaincode.testing.TestChannel;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Random sequences of transactions by random officers at random times, on one request
 * from Macau PJ to Zhuhai PSB. Whatever is attempted, the ledger keeps its invariants.
 */
class LifecyclePropertiesTest {
    private static final String ID = "req-property";

    /** Status moves a committed transaction may make, written out independently of Lifecycle. */
    private static final Set<String> LEGAL_MOVES = Set.of(
            move(PENDING, APPROVED), move(PENDING, PARTIALLY_APPROVED), move(PENDING, REJECTED),
            move(APPROVED, DELIVERED), move(PARTIALLY_APPROVED, DELIVERED), move(DELIVERED, DELIVERED),
            move(DELIVERED, RECEIVED), move(RECEIVED, ACCESSED), move(ACCESSED, ACCESSED),
            move(APPROVED, REVOKED), move(PARTIALLY_APPROVED, REVOKED), move(DELIVERED, REVOKED),
            move(RECEIVED, REVOKED), move(ACCESSED, REVOKED),
            move(APPROVED, EXPIRED), move(PARTIALLY_APPROVED, EXPIRED), move(DELIVERED, EXPIRED),
            move(RECEIVED, EXPIRED), move(ACCESSED, EXPIRED),
            move(REJECTED, DESTROYED), move(DELIVERED, DESTROYED), move(RECEIVED, DESTROYED),
            move(ACCESSED, DESTROYED), move(REVOKED, DESTROYED), move(EXPIRED, DESTROYED),
            move(APPROVED, NO_MATCH), move(PARTIALLY_APPROVED, NO_MATCH), move(NO_MATCH, DESTROYED));

    enum Op { APPROVE, REJECT, REVOKE, DELIVER, NO_MATCH, RECEIVE, RECEIVE_TAMPERED, ACCESS, EXPIRE, DESTROY, SUSPEND, UNSUSPEND }

    record Step(Op op, boolean rightOfficer, int officer, int hoursLater, Set<DataCategory> categories,
            int grantDays, int maxAccesses, boolean requesterSide) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        // weighted towards the steps that move a request forward, so runs reach deep states
        Arbitrary<Op> ops = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Op.APPROVE)), Tuple.of(1, Arbitraries.just(Op.REJECT)),
                Tuple.of(1, Arbitraries.just(Op.REVOKE)), Tuple.of(4, Arbitraries.just(Op.DELIVER)),
                Tuple.of(1, Arbitraries.just(Op.NO_MATCH)),
                Tuple.of(4, Arbitraries.just(Op.RECEIVE)), Tuple.of(1, Arbitraries.just(Op.RECEIVE_TAMPERED)),
                Tuple.of(6, Arbitraries.just(Op.ACCESS)), Tuple.of(1, Arbitraries.just(Op.EXPIRE)),
                Tuple.of(1, Arbitraries.just(Op.DESTROY)), Tuple.of(1, Arbitraries.just(Op.SUSPEND)),
                Tuple.of(2, Arbitraries.just(Op.UNSUSPEND)));
        Arbitrary<Integer> hoursLater = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0, 6)), Tuple.of(1, Arbitraries.integers().between(24, 120)));
        Arbitrary<Set<DataCategory>> categories = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.subsetOf(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS,
                        DataCategory.VEHICLES)),
                Tuple.of(1, Arbitraries.subsetOf(DataCategory.values())));
        Arbitrary<Step> step = Combinators.combine(
                ops,
                Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(0, 5),
                hoursLater,
                categories,
                Arbitraries.integers().between(2, 20),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void random_operation_sequences_keep_every_invariant(@ForAll("scripts") List<Step> script) {
        TestChannel channel = new TestChannel();
        Exchange exchange = new Exchange(channel);
        List<Officer> anyone = List.of(exchange.macauLiaison, exchange.macauApprover, exchange.zhuhaiLiaison,
                exchange.zhuhaiApprover, exchange.auditor, Officer.of(HONG_KONG, "liaison"));
        Set<String> suspended = new HashSet<>();
        exchange.create(ID);

        for (Step step : script) {
            channel.advance(Duration.ofHours(step.hoursLater()));
            ExchangeRequest before = exchange.request(ID);
            Officer who = step.rightOfficer() ? rightOfficer(exchange, step.op()) : anyone.get(step.officer());
            boolean committed = tryToCommit(channel, who, transaction(step, before, channel.now()));
            ExchangeRequest after = exchange.request(ID);

            if (!committed) {
                assertThat(after).as("a refused " + step.op() + " changes nothing").isEqualTo(before);
                continue;
            }
            if (step.op() == Op.SUSPEND || step.op() == Op.UNSUSPEND) {
                trackSuspension(suspended, step);
                assertThat(after).as("the committee never changes a request").isEqualTo(before);
                continue;
            }
            assertThat(LEGAL_MOVES).as(step.op() + " moved the request").contains(move(before.status(), after.status()));
            Statistics.label("committed moves").collect(move(before.status(), after.status()));
            if (step.op() == Op.ACCESS) {
                assertThat(channel.now()).as("access only before expiry").isBefore(before.grant().expiresAt());
                assertThat(suspended).as("no access while a force is suspended").doesNotContain(MACAU, ZHUHAI);
            }
            assertInvariants(channel, exchange, after);
        }
    }

    private static void assertInvariants(TestChannel channel, Exchange exchange, ExchangeRequest request) {
        if (request.grant() != null) {
            assertThat(request.categories()).as("grant ⊆ request").containsAll(request.grant().categories());
            assertThat(request.accessCount()).isLessThanOrEqualTo(request.grant().maxAccesses());
        }
        if (request.delivery() != null) {
            assertThat(request.grant().categories()).as("delivery ⊆ grant").containsAll(request.delivery().categories());
        }
        AccessRecord[] accesses = LedgerJson.read(channel.evaluate(exchange.auditor, (c, ctx) -> c.listAccesses(ctx, ID))
                .getBytes(StandardCharsets.UTF_8), AccessRecord[].class);
        assertThat(accesses).hasSize(request.accessCount());
        for (AccessRecord access : accesses) {
            assertThat(access.accessedAt()).isBefore(request.grant().expiresAt());
        }
        if (request.noMatch() != null) {
            assertThat(request.delivery()).as("a request answered with no match was never delivered").isNull();
            assertThat(request.noMatch().categories()).as("searched = granted").isEqualTo(request.grant().categories());
        }
        if (request.status() == DESTROYED) {
            assertThat(channel.ledger().collection("_implicit_org_" + MACAU)).isEmpty();
            assertThat(channel.ledger().collection("_implicit_org_" + ZHUHAI)).isEmpty();
        }
    }

    private static void trackSuspension(Set<String> suspended, Step step) {
        String org = step.requesterSide() ? MACAU : ZHUHAI;
        if (step.op() == Op.SUSPEND) {
            suspended.add(org);
        } else {
            suspended.remove(org);
        }
    }

    private static Officer rightOfficer(Exchange exchange, Op op) {
        return switch (op) {
            case APPROVE, REJECT, REVOKE -> exchange.zhuhaiApprover;
            case DELIVER, NO_MATCH, EXPIRE -> exchange.zhuhaiLiaison;
            case RECEIVE, RECEIVE_TAMPERED, ACCESS, DESTROY -> exchange.macauLiaison;
            case SUSPEND, UNSUSPEND -> exchange.auditor;
        };
    }

    /** The right officer also delivers what was granted; anyone else sends the step's random categories. */
    private static BiFunction<ExchangeContract, Context, String> transaction(Step step, ExchangeRequest before,
            Instant now) {
        String org = step.requesterSide() ? MACAU : ZHUHAI;
        DataCategory[] categories = step.categories().toArray(DataCategory[]::new);
        DataCategory[] delivered = step.rightOfficer() && before.grant() != null
                ? before.grant().categories().toArray(DataCategory[]::new)
                : categories;
        return switch (step.op()) {
            case APPROVE -> {
                Instant expiresAt = now.plus(Duration.ofDays(step.grantDays()));
                String grant = Samples.grantJson(expiresAt, expiresAt.plus(Duration.ofDays(2)), step.maxAccesses(),
                        categories);
                yield (c, ctx) -> c.approveRequest(ctx, ID, grant);
            }
            case REJECT -> (c, ctx) -> c.rejectRequest(ctx, ID, "Not proportionate");
            case REVOKE -> (c, ctx) -> c.revokeGrant(ctx, ID, "Case closed");
            case DELIVER -> (c, ctx) -> c.recordDelivery(ctx, ID, Samples.deliveryJson(ID, delivered));
            case NO_MATCH -> (c, ctx) -> c.recordNoMatch(ctx, ID);
            case RECEIVE -> (c, ctx) -> c.recordReceipt(ctx, ID, Samples.packageHash(ID));
            case RECEIVE_TAMPERED -> (c, ctx) -> c.recordReceipt(ctx, ID, Hashes.sha256Hex("tampered"));
            case ACCESS -> (c, ctx) -> c.recordAccess(ctx, ID, "Cross-check with the port log");
            case EXPIRE -> (c, ctx) -> c.expireGrant(ctx, ID);
            case DESTROY -> (c, ctx) -> c.recordDestruction(ctx, ID, "CRYPTO_ERASE");
            case SUSPEND -> (c, ctx) -> c.suspendOrg(ctx, org, "Audit of data handling");
            case UNSUSPEND -> (c, ctx) -> c.unsuspendOrg(ctx, org, "Audit closed");
        };
    }

    private static boolean tryToCommit(TestChannel channel, Officer who,
            BiFunction<ExchangeContract, Context, String> transaction) {
        try {
            channel.submit(who, transaction);
            return true;
        } catch (ChaincodeException refusal) {
            assertThat(DocumentedExplanations.documents(refusal.getMessage()))
                    .as("docs/ledger.md (Explanations) lists the form of: " + refusal.getMessage()).isTrue();
            return false;
        }
    }

    private static String move(Status from, Status to) {
        return from + "->" + to;
    }
}
