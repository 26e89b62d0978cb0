package org.gbx.client.bench;

import java.util.Arrays;

/** Latencies of committed transactions, kept whole so percentiles are exact (nearest rank). */
final class Latencies {

    private long[] nanos = new long[4096];
    private int size;

    synchronized void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile in milliseconds, NaN when nothing committed. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
