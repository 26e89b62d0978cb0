package org.gbx.client.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the network's processes, by kind (peer, chaincode, orderer, ca) plus this load
 * generator, from {@code /proc/PID/stat} of the pids the network scripts recorded. Two samples
 * around a run tell where each committed transaction's CPU went, which is the profile that says
 * what caps a 2-core machine.
 */
final class NodeCpu {

    /** The kernel reports CPU in clock ticks of 1/100 s (USER_HZ) on Linux. */
    private static final double MS_PER_TICK = 10.0;

    private final Map<String, Long> ticksByKind;

    private NodeCpu(Map<String, Long> ticksByKind) {
        this.ticksByKind = ticksByKind;
    }

    /** @param pids the network's pid folder ({@code .network/pids}); missing processes count as zero */
    static NodeCpu sample(Path pids) {
        Map<String, Long> ticks = new TreeMap<>();
        if (Files.isDirectory(pids)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    String kind = name.substring(0, name.indexOf('-') < 0 ? name.length() - 4 : name.indexOf('-'));
                    ticks.merge(kind, ticksOf(Files.readString(file).strip()), Long::sum);
                }
            } catch (IOException e) {
                // a network being restarted: report what could be read
            }
        }
        ticks.put("client", ticksOf("self"));
        return new NodeCpu(ticks);
    }

    /** {@code CPU workload=W peer_ms=… chaincode_ms=… …}: milliseconds of CPU per committed transaction. */
    String linePerTransaction(NodeCpu before, String workload, int committed) {
        StringBuilder line = new StringBuilder("CPU workload=").append(workload);
        long total = 0;
        for (Map.Entry<String, Long> kind : ticksByKind.entrySet()) {
            long used = kind.getValue() - before.ticksByKind.getOrDefault(kind.getKey(), 0L);
            total += used;
            line.append(String.format(Locale.ROOT, " %s_ms=%.2f", kind.getKey(), perTransaction(used, committed)));
        }
        return line.append(String.format(Locale.ROOT, " total_ms=%.2f", perTransaction(total, committed))).toString();
    }

    private static double perTransaction(long ticks, int committed) {
        return committed == 0 ? 0 : ticks * MS_PER_TICK / committed;
    }

    private static long ticksOf(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
