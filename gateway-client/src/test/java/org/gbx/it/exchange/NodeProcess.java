package org.gbx.it.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gbx.it.Await;
import org.gbx.it.TestNetwork;

/**
 * One {@code gbx node start} as a separate JVM (the shaded jar failsafe names in {@code GBX_JAR}),
 * with its own heap limit, data folder and port, its output in a log file. Killed by its pid,
 * as an operator or a crash would.
 */
final class NodeProcess implements AutoCloseable {

    static final String HEAP_LIMIT = "-Xmx256m";

    private static final java.util.regex.Pattern LISTENING = java.util.regex.Pattern.compile(
            "serving packages on 127\\.0\\.0\\.1:(\\d+), its officers on 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path log;
    private int port;
    private int apiPort;
    /** Where this run's lines begin in the log a restarted node shares with its earlier runs. */
    private final long logStart;

    private NodeProcess(Process process, Path log, int port, int apiPort, long logStart) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.apiPort = apiPort;
        this.logStart = logStart;
    }

    /**
     * @param port where it serves packages (0: any free port, read back from its log: {@link #port()})
     * @param apiPort where its local API listens for its own force's officers (0 likewise)
     * @param peerNodes MSP id to {@code host:port} of the other force's test node
     * @param log appended to, so a restarted node keeps one log
     */
    static NodeProcess start(TestNetwork.User liaison, Path data, int port, int apiPort, Map<String, String> peerNodes,
            Path log) throws IOException, InterruptedException {
        NodeProcess node = launch(liaison, data, port, apiPort, peerNodes, log);
        node.awaitLogLine("serving packages on 127.0.0.1:" + (port == 0 ? "" : port), Duration.ofSeconds(90));
        java.util.regex.Matcher listening = LISTENING.matcher(node.logOfThisRun());
        if (listening.find()) {
            node.port = Integer.parseInt(listening.group(1));
            node.apiPort = Integer.parseInt(listening.group(2));
        }
        return node;
    }

    /** Starts the JVM without waiting for it to serve (for a node that must refuse to start). */
    static NodeProcess launch(TestNetwork.User liaison, Path data, int port, int apiPort, Map<String, String> peerNodes,
            Path log) throws IOException {
        String jar = System.getenv("GBX_JAR");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("GBX_JAR does not name the shaded gbx jar (failsafe sets it in -Pintegration)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP_LIMIT, "-XX:+ExitOnOutOfMemoryError", "-jar", jar, "node", "start",
                "--org", liaison.org(), "--user", liaison.name(), "--lang", "en",
                "--data", data.toString(), "--port", Integer.toString(port), "--api-port", Integer.toString(apiPort),
                "--retry-pause", "2"));
        peerNodes.forEach((msp, endpoint) -> command.addAll(List.of("--peer-node", msp + "=" + endpoint)));
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("GBX_CONFIG", TestNetwork.configPath().toString());
        return new NodeProcess(builder.start(), log, port, apiPort, logStart);
    }

    int port() {
        return port;
    }

    int apiPort() {
        return apiPort;
    }

    /** Waits for the JVM to end by itself; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the node was expected to exit within " + timeout + " but still runs");
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** What this run of the node logged (not its earlier runs'). */
    String logOfThisRun() throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(logStart, all.length), (int) Math.max(0, all.length - logStart),
                StandardCharsets.UTF_8);
    }

    /** Waits until this run's log holds {@code text}; fails if the node exits or the time runs out. */
    void awaitLogLine(String text, Duration timeout) throws IOException, InterruptedException {
        awaitLogLines(0, text, 1, timeout);
    }

    /** How much this run's log holds now: a mark for {@link #awaitLogLines}. */
    int logMark() throws IOException {
        return logOfThisRun().length();
    }

    /** Waits until the log after {@code mark} holds {@code text} {@code times} times; fails as {@link #awaitLogLine}. */
    void awaitLogLines(int mark, String text, int times, Duration timeout) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (occurrences(logOfThisRun().substring(Math.min(mark, logOfThisRun().length())), text) < times) {
            if (!process.isAlive()) {
                throw new AssertionError("the node exited (" + process.exitValue() + ") before logging '" + text
                        + "' " + times + " time(s):\n" + log());
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the node did not log '" + text + "' " + times + " time(s) within " + timeout
                        + ":\n" + log());
            }
            Thread.sleep(200);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** SIGKILL by pid: no shutdown hook runs, nothing is flushed or closed cleanly. */
    void kill() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-KILL", Long.toString(pid())).inheritIO().start().waitFor();
        process.waitFor();
    }

    /** SIGTERM by pid, as {@code scripts/demo.sh} stops its nodes; the node's shutdown hook closes it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
