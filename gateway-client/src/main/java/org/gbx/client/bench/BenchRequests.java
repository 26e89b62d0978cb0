package org.gbx.client.bench;

import java.util.List;
import org.gbx.client.crypto.DetailsSealing;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.HandlingCode;
import org.gbx.client.model.NewRequest;
import org.gbx.client.model.SealedDetails;
import org.gbx.client.model.Urgency;

/** The synthetic request every benchmark transaction uses: no personal data, no subjects to deliver. */
final class BenchRequests {

    private static final CaseDetails DETAILS = CaseDetails.of(
            "{\"narrative\":\"benchmark load, no subjects\",\"subjects\":[]}");

    private BenchRequests() {
    }

    static NewRequest to(String targetMspId) {
        return new NewRequest(targetMspId, "Benchmark load of the exchange ledger", "Benchmark only, no legal effect",
                HandlingCode.H0, null, List.of(DataCategory.IDENTITY), Urgency.NORMAL, 30);
    }

    /**
     * The details sealed as gbx seals them (the cost is part of what is measured); the key is
     * dropped, since no one ever reads a benchmark request's details.
     */
    static SealedDetails sealedDetails(String requestId) {
        return DetailsSealing.seal(requestId, DETAILS).sealed();
    }

    /** Unique per run, so repeated runs never replay (and so never short-cut) an earlier create. */
    static String id(String runId, String kind, long sequence) {
        return "bench-" + runId + "-" + kind + "-" + sequence;
    }
}
