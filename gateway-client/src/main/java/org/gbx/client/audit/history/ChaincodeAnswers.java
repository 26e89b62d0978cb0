package org.gbx.client.audit.history;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.HistoryEntry;

/**
 * The chaincode's history and access records of many requests, asked a few at a time: one by one,
 * the two queries per request were most of verify-ledger's wall time on a ledger of a thousand
 * requests (docs/benchmarks.md). Bounded, so the committee's peer is not flooded.
 */
final class ChaincodeAnswers {

    static final int CONCURRENT_QUERIES = 8;

    private final Map<String, List<HistoryEntry>> histories = new ConcurrentHashMap<>();
    private final Map<String, List<AccessRecord>> accesses = new ConcurrentHashMap<>();

    static ChaincodeAnswers fetch(ChaincodeView chaincode, Collection<String> requestIds) {
        ChaincodeAnswers answers = new ChaincodeAnswers();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_QUERIES);
        try {
            List<Future<?>> pending = requestIds.stream().<Future<?>>map(id -> pool.submit(() -> {
                answers.histories.put(id, chaincode.history(id));
                answers.accesses.put(id, chaincode.accesses(id));
            })).toList();
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
        return histories.get(requestId);
    }

    List<AccessRecord> accesses(String requestId) {
        return accesses.get(requestId);
    }
}
