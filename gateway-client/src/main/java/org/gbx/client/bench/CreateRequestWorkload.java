package org.gbx.client.bench;

import org.gbx.client.ledger.ExchangeLedger;

/** {@code CreateRequest} through {@link ExchangeLedger}: rules, indexes, key policies and private details. */
record CreateRequestWorkload(ExchangeLedger ledger, String runId, String targetMspId) implements Workload {

    @Override
    public String name() {
        return "create-request";
    }

    @Override
    public void runOne(long sequence) {
        String id = BenchRequests.id(runId, "c", sequence);
        ledger.createRequest(id, BenchRequests.to(targetMspId), BenchRequests.sealedDetails(id));
    }
}
