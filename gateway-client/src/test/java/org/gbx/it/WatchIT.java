package org.gbx.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ExchangeLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gbx watch} as a real process: stopped mid-stream and started again with the same
 * checkpoint file, it shows every event exactly once, including those committed while it was down.
 */
class WatchIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A running {@code gbx watch} and the ping ids it has printed so far. */
    private static final class Watcher {
        final Process process;
        final List<String> pingIds = Collections.synchronizedList(new ArrayList<>());
        final Thread reader;

        Watcher(Process process, String runPrefix) {
            this.process = process;
            this.reader = new Thread(() -> read(runPrefix), "watch-reader");
            reader.start();
        }

        private void read(String runPrefix) {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    JsonNode event = JSON.readTree(line);
                    String pingId = event.at("/payload/pingId").asText("");
                    if (event.path("event").asText().equals("Ping") && pingId.startsWith(runPrefix)) {
                        pingIds.add(pingId);
                    }
                }
            } catch (IOException e) {
                // the process was stopped: its output ends here
            }
        }

        void awaitAtLeast(int count) {
            Await.until(count + " pings shown by gbx watch", () -> pingIds.size() >= count || !process.isAlive());
            assertThat(pingIds).as("events printed by gbx watch").hasSizeGreaterThanOrEqualTo(count);
        }

        void awaitShown(String pingId) {
            Await.until("gbx watch to show ping " + pingId,
                    () -> pingIds.contains(pingId) || !process.isAlive());
            assertThat(pingIds).as("events printed by gbx watch before it ended").contains(pingId);
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    @Test
    void a_watch_stopped_and_restarted_shows_each_event_exactly_once() throws Exception {
        String prefix = TestNetwork.uniqueId("watch") + "-";
        Path checkpoint = dir.resolve("auditor.checkpoint");
        List<String> sent = new ArrayList<>();
        try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON)) {
            ExchangeLedger ledger = TestNetwork.ledger(macau);
            long firstBlock = ping(ledger, prefix + 0, sent);

            Watcher first = start(checkpoint, firstBlock, prefix);
            for (int i = 1; i < 4; i++) {
                ping(ledger, prefix + i, sent);
            }
            first.awaitAtLeast(3);
            first.stop();

            for (int i = 4; i < 7; i++) {
                ping(ledger, prefix + i, sent);
            }
            Watcher second = start(checkpoint, firstBlock, prefix);
            ping(ledger, prefix + 7, sent);
            // Events come in block order: a duplicate of an earlier one would be shown before this last ping.
            String last = prefix + "last";
            ping(ledger, last, sent);
            second.awaitShown(last);
            second.stop();

            List<String> shown = new ArrayList<>(first.pingIds);
            shown.addAll(second.pingIds);
            assertThat(shown).as("first run %s, second run %s", first.pingIds, second.pingIds)
                    .containsExactlyElementsOf(sent);
        }
    }

    private static long ping(ExchangeLedger ledger, String pingId, List<String> sent) {
        long block = ledger.ping(pingId).blockNumber();
        sent.add(pingId);
        return block;
    }

    private static Watcher start(Path checkpoint, long fromBlock, String prefix) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", gbxJar().toString(), "watch",
                "--org", "oversight", "--user", "auditor1", "--json",
                "--checkpoint", checkpoint.toString(), "--from-block", Long.toString(fromBlock))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("GBX_CONFIG", TestNetwork.configPath().toString());
        return new Watcher(builder.start(), prefix);
    }

    /** The shaded jar that {@code scripts/gbx} runs; failsafe runs after {@code package}. */
    private static Path gbxJar() {
        String fromBuild = System.getenv("GBX_JAR");
        Path jar = fromBuild != null ? Path.of(fromBuild) : Path.of("target", "gbx.jar");
        assertThat(Files.isRegularFile(jar)).as("gbx jar at %s (mvn package first)", jar).isTrue();
        return jar;
    }
}
