package org.gbx.client.bench;

import java.util.List;
import org.gbx.client.ledger.ExchangeLedger;

/** The baseline: {@code BenchWrite}, one state write, endorsed by both forces like a request change. */
record BareWriteWorkload(ExchangeLedger ledger, String runId, List<String> forces) implements Workload {

    @Override
    public String name() {
        return "bare-write";
    }

    @Override
    public void runOne(long sequence) {
        ledger.benchWrite(BenchRequests.id(runId, "w", sequence), forces);
    }
}
