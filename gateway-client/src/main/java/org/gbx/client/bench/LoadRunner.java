package org.gbx.client.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a {@link Workload}: closed loop (N clients, each submitting its next transaction when the
 * last committed: the saturation throughput) or open loop (a fixed arrival rate; latency counted
 * from each transaction's scheduled start, so a stalled client cannot hide queueing).
 */
final class LoadRunner {

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String firstFailure;

    LoadResult closedLoop(Workload workload, int concurrency, Duration duration) throws InterruptedException {
        Latencies latencies = new Latencies();
        ClientCpu cpu = new ClientCpu();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            clients.execute(() -> {
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                    runTimed(workload, System.nanoTime(), latencies);
                }
            });
        }
        awaitAll(clients, duration);
        double seconds = (System.nanoTime() - start) / 1e9;
        return result(workload, "closed", concurrency, 0, seconds, latencies, cpu.share());
    }

    LoadResult openLoop(Workload workload, double ratePerSecond, int maxInFlight, Duration duration)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        ClientCpu cpu = new ClientCpu();
        ExecutorService clients = Executors.newFixedThreadPool(maxInFlight);
        long start = System.nanoTime();
        long total = (long) (ratePerSecond * duration.toSeconds());
        long interval = (long) (1e9 / ratePerSecond);
        for (long k = 0; k < total; k++) {
            long scheduled = start + k * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            clients.execute(() -> runTimed(workload, scheduled, latencies));
        }
        awaitAll(clients, duration);
        double seconds = (System.nanoTime() - start) / 1e9;
        return result(workload, "open", maxInFlight, ratePerSecond, seconds, latencies, cpu.share());
    }

    String firstFailure() {
        return firstFailure;
    }

    private void runTimed(Workload workload, long startNanos, Latencies latencies) {
        try {
            workload.runOne(sequence.incrementAndGet());
            latencies.add(System.nanoTime() - startNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Counted, not fatal: a benchmark reports failures instead of stopping at the first.
            failed.incrementAndGet();
            if (firstFailure == null) {
                firstFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
    }

    /** Lets in-flight transactions finish (bounded: the commit deadline, then a margin). */
    private static void awaitAll(ExecutorService clients, Duration duration) throws InterruptedException {
        clients.shutdown();
        if (!clients.awaitTermination(duration.toSeconds() + 90, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }

    private LoadResult result(Workload workload, String mode, int concurrency, double offered, double seconds,
            Latencies latencies, double cpuShare) {
        int failures = failed.getAndSet(0);
        return new LoadResult(workload.name(), mode, concurrency, offered, seconds, latencies.count(), failures,
                latencies.count() / seconds, latencies.percentileMillis(50), latencies.percentileMillis(95),
                latencies.percentileMillis(99), cpuShare);
    }
}
