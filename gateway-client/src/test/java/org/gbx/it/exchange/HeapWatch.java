package org.gbx.it.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Samples another JVM's heap from outside with {@code jstat -gc PID 200} (the JDK's own
 * counters, no agent in the node) and keeps the largest heap in use seen: survivor, eden and
 * old generation "used" columns, which include garbage not yet collected, so the figure errs high.
 */
final class HeapWatch implements AutoCloseable {

    private static final List<String> USED_COLUMNS = List.of("S0U", "S1U", "EU", "OU");

    private final Process jstat;
    private final Thread reader;
    private volatile long peakKiB;
    private volatile int samples;

    private HeapWatch(Process jstat) {
        this.jstat = jstat;
        this.reader = new Thread(this::read, "heap-watch-" + jstat.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static HeapWatch of(long pid) throws IOException {
        String jstat = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
        return new HeapWatch(new ProcessBuilder(jstat, "-gc", Long.toString(pid), "200").redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.US_ASCII))) {
            List<String> header = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                List<String> cells = Arrays.asList(line.trim().split("\\s+"));
                if (cells.contains("EU")) {
                    header = cells;
                } else if (header != null && cells.size() == header.size()) {
                    double used = 0;
                    for (String column : USED_COLUMNS) {
                        used += Double.parseDouble(cells.get(header.indexOf(column)));
                    }
                    peakKiB = Math.max(peakKiB, (long) used);
                    samples++;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the watched JVM ended; the peak so far stands
        }
    }

    long peakMiB() {
        return peakKiB / 1024;
    }

    int samples() {
        return samples;
    }

    @Override
    public void close() throws InterruptedException {
        jstat.destroy();
        reader.join(2000);
    }
}
