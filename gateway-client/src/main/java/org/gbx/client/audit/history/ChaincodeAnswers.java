package org.gbx.client.audit.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.AuditTrail;
import org.gbx.client.model.HistoryEntry;

/**
 * The chaincode's history and access records of many requests, asked {@value #BATCH} requests a
 * call and a few calls at a time: one by one, the two queries per request were most of
 * verify-ledger's wall time on a ledger of a thousand requests (docs/benchmarks.md). Bounded, so
 * the committee's peer is not flooded.
 */
final class ChaincodeAnswers {

    static final int CONCURRENT_QUERIES = 4;
    /** The chaincode's limit on requests per {@code GetAuditTrails} call. */
    static final int BATCH = 50;

    private final Map<String, AuditTrail> trails = new ConcurrentHashMap<>();

    static ChaincodeAnswers fetch(ChaincodeView chaincode, List<String> requestIds) {
        ChaincodeAnswers answers = new ChaincodeAnswers();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_QUERIES);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int from = 0; from < requestIds.size(); from += BATCH) {
                List<String> batch = requestIds.subList(from, Math.min(requestIds.size(), from + BATCH));
                pending.add(pool.submit(() -> chaincode.trails(batch).forEach(t -> answers.trails.put(t.requestId(), t))));
            }
            for (Future<?> each : pending) {
                each.get();
            }
            return answers;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the chaincode", e);
        } finally {
            pool.shutdownNow();
        }
    }

    List<HistoryEntry> history(String requestId) {
        return trails.get(requestId).history();
    }

    List<AccessRecord> accesses(String requestId) {
        return trails.get(requestId).accesses();
    }
}
