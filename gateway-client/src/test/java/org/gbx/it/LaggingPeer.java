package org.gbx.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds one force's peer behind the rest of the network, for real: the ordering node that peer
 * pulls its blocks from is stopped (SIGSTOP, by the pid the network scripts recorded), while the
 * other force's peer pulls from another ordering node, which with the third keeps ordering (Raft,
 * two of three). The lagging peer still answers and endorses, from an older ledger, exactly as a
 * peer that has not caught up does. Closing it continues the ordering node (SIGCONT) and the peer
 * catches up. Nothing else is touched: the test network is this test's alone while it runs.
 */
final class LaggingPeer implements AutoCloseable {

    private static final Pattern CONNECTION = Pattern.compile(
            "ESTAB\\s+\\d+\\s+\\d+\\s+127\\.0\\.0\\.1:(\\d+)\\s+127\\.0\\.0\\.1:(\\d+)\\s+users:.*pid=(\\d+),");
    private static final Pattern BLOCK_RECEIVER =
            Pattern.compile("BlockReceiver starting.*orderer-address=127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern LISTENING = Pattern.compile("LISTEN\\s+\\d+\\s+\\d+\\s+127\\.0\\.0\\.1:(\\d+)\\s.*pid=(\\d+),");

    private final long ordererPid;
    private final String ordererName;
    private final String runningOrderer;
    private final int runningOrdererPort;
    private boolean stopped;

    private LaggingPeer(long ordererPid, String ordererName, String runningOrderer, int runningOrdererPort) {
        this.ordererPid = ordererPid;
        this.ordererName = ordererName;
        this.runningOrderer = runningOrderer;
        this.runningOrdererPort = runningOrdererPort;
    }

    /** Stops the ordering node {@code lagging}'s peer pulls blocks from, after making sure {@code other}'s peer pulls from another. */
    static LaggingPeer behind(String lagging, String other) throws Exception {
        Map<String, Long> orderers = new HashMap<>();
        for (String org : List.of("macau", "zhuhai", "oversight")) {
            orderers.put(org, pid("orderer-" + org));
        }
        Map<Integer, String> ordererPorts = ordererPorts(orderers);
        String source = deliverySource(lagging, ordererPorts);
        for (int attempt = 1; source.equals(deliverySource(other, ordererPorts)); attempt++) {
            if (attempt > 10) {
                throw new IllegalStateException("the peers of " + lagging + " and " + other
                        + " kept pulling blocks from the same ordering node " + source);
            }
            reconnect(other, ordererPorts, source);
        }
        String running = orderers.keySet().stream().filter(org -> !org.equals(source)).sorted().findFirst().orElseThrow();
        int port = ordererPorts.entrySet().stream().filter(e -> e.getValue().equals(running))
                .mapToInt(Map.Entry::getKey).min().orElseThrow();
        LaggingPeer stall = new LaggingPeer(orderers.get(source), "orderer-" + source, running, port);
        run("kill", "-STOP", Long.toString(stall.ordererPid));
        stall.stopped = true;
        return stall;
    }

    String orderer() {
        return ordererName;
    }

    /** An ordering node that keeps running, by organisation key: send transactions there, never to the stopped one. */
    String runningOrderer() {
        return runningOrderer;
    }

    /** Its main (lowest) port: the one peers and gateways broadcast to. */
    int runningOrdererPort() {
        return runningOrdererPort;
    }

    @Override
    public void close() throws Exception {
        if (stopped) {
            run("kill", "-CONT", Long.toString(ordererPid));
            stopped = false;
        }
    }

    private static long pid(String process) throws IOException {
        Path file = TestNetwork.configPath().toAbsolutePath().getParent().resolve("pids").resolve(process + ".pid");
        return Long.parseLong(Files.readString(file).trim());
    }

    private static Map<Integer, String> ordererPorts(Map<String, Long> orderers) throws Exception {
        Map<Integer, String> ports = new HashMap<>();
        for (String line : run("ss", "-tlnp").lines().toList()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                orderers.forEach((org, pid) -> {
                    if (pid == Long.parseLong(m.group(2))) {
                        ports.put(Integer.parseInt(m.group(1)), org);
                    }
                });
            }
        }
        return ports;
    }

    /**
     * The ordering node a peer pulls blocks from now: the peer logs each (re)connection of its block
     * receiver with the orderer's address, so the last such line names it.
     */
    private static String deliverySource(String org, Map<Integer, String> ordererPorts) throws IOException {
        List<Integer> connections = blockReceiverPorts(org);
        if (connections.isEmpty()) {
            throw new IllegalStateException("the log of peer-" + org + " names no ordering node it pulls blocks from");
        }
        return ordererPorts.get(connections.get(connections.size() - 1));
    }

    private static List<Integer> blockReceiverPorts(String org) throws IOException {
        Path log = TestNetwork.configPath().toAbsolutePath().getParent().resolve("logs").resolve("peer-" + org + ".log");
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(BLOCK_RECEIVER::matcher)
                .filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).toList();
    }

    /** Closes a peer's connections to one ordering node and waits until it pulls blocks again, from one chosen at random. */
    private static void reconnect(String org, Map<Integer, String> ordererPorts, String orderer) throws Exception {
        long peerPid = pid("peer-" + org);
        int before = blockReceiverPorts(org).size();
        Matcher m = CONNECTION.matcher(run("ss", "-tnp"));
        while (m.find()) {
            int remote = Integer.parseInt(m.group(2));
            if (Long.parseLong(m.group(3)) == peerPid && orderer.equals(ordererPorts.get(remote))) {
                run("ss", "-K", "-tn", "src", "127.0.0.1:" + m.group(1), "dst", "127.0.0.1:" + remote);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (blockReceiverPorts(org).size() == before) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("peer-" + org + " did not reconnect to an ordering node within 20 s");
            }
            Thread.sleep(100);
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
