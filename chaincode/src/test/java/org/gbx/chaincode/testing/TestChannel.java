package org.gbx.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.gbx.chaincode.ExchangeContract;
import org.hyperledger.fabric.contract.Context;

/**
 * The exchange contract on an in-memory channel with a settable clock. A submitted
 * transaction commits only if the contract returns normally, like a transaction whose
 * endorsement failed; an evaluated one never commits. The channel's forces are registered by
 * the committee's admin, as the deployment does. Proposals carry the channel's time, or that
 * time shifted by a skew a test sets, as a client with its own clock would.
 */
public final class TestChannel {
    public static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    public static final Officer COMMITTEE_ADMIN = Officer.of(Forces.OVERSIGHT, "admin");

    private final InMemoryLedger ledger = new InMemoryLedger();
    /** The endorsing peers' clock: the test's time, whatever the proposals say. */
    private final Clock hostClock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ExchangeContract contract = new ExchangeContract(hostClock);
    private Instant now = START;
    private Duration proposalSkew = Duration.ZERO;
    private SortedSet<String> lastRequiredEndorsers = new TreeSet<>();

    public TestChannel() {
        for (String force : List.of(Forces.MACAU, Forces.ZHUHAI, Forces.HONG_KONG)) {
            submit(COMMITTEE_ADMIN, (c, ctx) -> c.registerForce(ctx, force));
        }
        // Part of the set-up, not of what a test observes.
        ledger.events.clear();
    }

    /** For the chaincode's other contracts, which read the same peers' clock. */
    public Clock hostClock() {
        return hostClock;
    }

    public InMemoryLedger ledger() {
        return ledger;
    }

    public Instant now() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void setTime(Instant time) {
        now = time;
    }

    /** From now on proposals are timestamped {@code skew} away from the endorsing peers' clock. */
    public void skewProposals(Duration skew) {
        proposalSkew = skew;
    }

    /**
     * Whose peers Fabric requires for the last committed transaction besides the chaincode-level
     * policy ({@code chaincode} when a key it writes falls back to it): see FakeStub.
     */
    public SortedSet<String> lastRequiredEndorsers() {
        return lastRequiredEndorsers;
    }

    public String submit(Officer who, BiFunction<ExchangeContract, Context, String> transaction) {
        return submit(who, Map.of(), transaction);
    }

    public String submit(Officer who, Map<String, byte[]> transientData,
            BiFunction<ExchangeContract, Context, String> transaction) {
        FakeStub stub = new FakeStub(ledger, now.plus(proposalSkew), who.creator(), who.mspId(), transientData);
        String result = transaction.apply(contract, new Context(stub));
        lastRequiredEndorsers = stub.requiredEndorsers();
        stub.commit();
        return result;
    }

    public String evaluate(Officer who, BiFunction<ExchangeContract, Context, String> transaction) {
        return evaluateOnPeerOf(who.mspId(), who, transaction);
    }

    /** Evaluated on a peer of {@code peerMspId}, which need not be the caller's organisation. */
    public String evaluateOnPeerOf(String peerMspId, Officer who, BiFunction<ExchangeContract, Context, String> transaction) {
        return transaction.apply(contract,
                new Context(new FakeStub(ledger, now.plus(proposalSkew), who.creator(), peerMspId, Map.of())));
    }

    public static Map<String, byte[]> details(String json) {
        return Map.of("details", json.getBytes(StandardCharsets.UTF_8));
    }
}
