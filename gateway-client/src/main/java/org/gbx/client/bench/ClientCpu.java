package org.gbx.client.bench;

import java.lang.management.ManagementFactory;

/** This JVM's CPU time, to tell how much of the machine the load generator itself takes. */
final class ClientCpu {

    private final long startCpuNanos = cpuNanos();
    private final long startWallNanos = System.nanoTime();

    /** CPU time used since construction over the wall time of all cores (0..1). */
    double share() {
        long wall = System.nanoTime() - startWallNanos;
        int cores = Runtime.getRuntime().availableProcessors();
        return (cpuNanos() - startCpuNanos) / (double) wall / cores;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
