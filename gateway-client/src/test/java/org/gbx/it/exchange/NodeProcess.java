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

    private final Process process;
    private final Path log;

    private NodeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param peerNodes MSP id to {@code host:port} of the other force's test node
     * @param log appended to, so a restarted node keeps one log
     */
    static NodeProcess start(TestNetwork.User liaison, Path data, int port, Map<String, String> peerNodes, Path log)
            throws IOException, InterruptedException {
        String jar = System.getenv("GBX_JAR");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("GBX_JAR does not name the shaded gbx jar (failsafe sets it in -Pintegration)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP_LIMIT, "-XX:+ExitOnOutOfMemoryError", "-jar", jar, "node", "start",
                "--org", liaison.org(), "--user", liaison.name(), "--lang", "en",
                "--data", data.toString(), "--port", Integer.toString(port), "--retry-pause", "2"));
        peerNodes.forEach((msp, endpoint) -> command.addAll(List.of("--peer-node", msp + "=" + endpoint)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("GBX_CONFIG", TestNetwork.configPath().toString());
        NodeProcess node = new NodeProcess(builder.start(), log);
        node.awaitLogLine("serving packages on 127.0.0.1:" + port, Await.PATIENCE);
        return node;
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

    /** Waits until the log holds {@code text}; fails if the node exits or the time runs out. */
    void awaitLogLine(String text, Duration timeout) throws IOException, InterruptedException {
        awaitLogLines(0, text, 1, timeout);
    }

    /** How much the log holds now: a mark for {@link #awaitLogLines}. */
    int logMark() throws IOException {
        return log().length();
    }

    /** Waits until the log after {@code mark} holds {@code text} {@code times} times; fails as {@link #awaitLogLine}. */
    void awaitLogLines(int mark, String text, int times, Duration timeout) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (occurrences(log().substring(Math.min(mark, log().length())), text) < times) {
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
