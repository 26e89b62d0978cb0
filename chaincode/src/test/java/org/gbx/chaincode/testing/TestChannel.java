package org.gbx.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import org.gbx.chaincode.ExchangeContract;
import org.hyperledger.fabric.contract.Context;

/**
 * The exchange contract on an in-memory channel with a settable clock. A submitted
 * transaction commits only if the contract returns normally, like a transaction whose
 * endorsement failed; an evaluated one never commits.
 */
public final class TestChannel {
    public static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final ExchangeContract contract = new ExchangeContract();
    private Instant now = START;

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

    public String submit(Officer who, BiFunction<ExchangeContract, Context, String> transaction) {
        return submit(who, Map.of(), transaction);
    }

    public String submit(Officer who, Map<String, byte[]> transientData,
            BiFunction<ExchangeContract, Context, String> transaction) {
        FakeStub stub = new FakeStub(ledger, now, who.creator(), who.mspId(), transientData);
        String result = transaction.apply(contract, new Context(stub));
        stub.commit();
        return result;
    }

    public String evaluate(Officer who, BiFunction<ExchangeContract, Context, String> transaction) {
        return transaction.apply(contract, new Context(new FakeStub(ledger, now, who.creator(), who.mspId(), Map.of())));
    }

    public static Map<String, byte[]> details(String json) {
        return Map.of("details", json.getBytes(StandardCharsets.UTF_8));
    }
}
