package org.gbx.client.ledger;

import java.time.Duration;
import org.gbx.client.connection.Deadlines;
import org.gbx.client.connection.LedgerConnection;
import org.hyperledger.fabric.client.Contract;

/**
 * The typed facade over the {@code exchange} contract: one method per transaction, typed
 * results, and {@link LedgerException}s on failure. The CLI, the exchange node and the audit
 * tools use only this, never the Gateway SDK directly.
 */
public final class ExchangeLedger {

    private final TransactionRunner runner;

    ExchangeLedger(TransactionRunner runner) {
        this.runner = runner;
    }

    public static ExchangeLedger over(LedgerConnection connection) {
        return over(connection.contract(), Deadlines.defaults(), ConflictRetry.defaults());
    }

    public static ExchangeLedger over(Contract contract, Deadlines deadlines, ConflictRetry retry) {
        return new ExchangeLedger(new TransactionRunner(contract, deadlines, retry,
                (Duration d) -> Thread.sleep(d.toMillis())));
    }

    /** {@code WhoAmI}: the caller as the chaincode sees it. */
    public Caller whoAmI() {
        return LedgerJson.read(runner.evaluate(TransactionCall.of("WhoAmI")), Caller.class);
    }

    /** {@code Ping}: writes a connectivity record and emits a {@code Ping} event. */
    public SubmitReceipt ping(String pingId) {
        return runner.submit(TransactionCall.of("Ping", pingId)).receipt();
    }

    /** {@code GetPing}: reads a connectivity record back through this connection's peer. */
    public PingRecord getPing(String pingId) {
        return LedgerJson.read(runner.evaluate(TransactionCall.of("GetPing", pingId)), PingRecord.class);
    }
}
