package org.gbx.client.bench;

import java.util.Locale;

/** What one load run measured: committed transactions per second, commit latency, client CPU. */
record LoadResult(String workload, String mode, int concurrency, double offeredTps, double seconds,
        int committed, int failed, double tps, double p50Ms, double p95Ms, double p99Ms, double clientCpuShare) {

    /** One line the bench script parses: {@code RESULT key=value ...}. */
    String line() {
        return String.format(Locale.ROOT,
                "RESULT workload=%s mode=%s concurrency=%d offered=%.1f seconds=%.1f committed=%d failed=%d "
                        + "tps=%.1f p50=%.0f p95=%.0f p99=%.0f client_cpu=%.2f",
                workload, mode, concurrency, offeredTps, seconds, committed, failed, tps, p50Ms, p95Ms, p99Ms,
                clientCpuShare);
    }
}
