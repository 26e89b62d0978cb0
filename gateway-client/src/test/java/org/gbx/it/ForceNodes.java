package org.gbx.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.node.ExchangeNode;
import org.gbx.client.node.NodeListener;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.Subject;
import org.gbx.it.exchange.ExchangeNodes;

/**
 * A Macau and a Zhuhai exchange node in this test JVM, shared by the command-line ITs: gbx needs
 * its force's node for case details, accesses and destruction, as an officer's does. Zhuhai's own
 * records are a small seeded plan; the nodes listen on free ports, named in a copy of the
 * network's config that {@link GbxCli} hands to gbx. Stopped when the JVM ends.
 */
public final class ForceNodes {

    private static ForceNodes shared;

    private final Path config;
    private final RecordsDatabase zhuhaiRecords;

    private ForceNodes(Path config, RecordsDatabase zhuhaiRecords) {
        this.config = config;
        this.zhuhaiRecords = zhuhaiRecords;
    }

    public static synchronized ForceNodes shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new UncheckedIOException("the test's exchange nodes did not start", e);
            }
        }
        return shared;
    }

    private static ForceNodes start() throws IOException {
        Path dir = Files.createTempDirectory("gbx-force-nodes");
        RecordsDatabase zhuhaiDb = RecordsDatabase.embedded(new DataHome(dir.resolve("zhuhai")));
        RecordsDatabase macauDb = RecordsDatabase.embedded(new DataHome(dir.resolve("macau")));
        new RecordsSeeder(zhuhaiDb).seed(ExchangeNodes.FORCE_NODES_ZHUHAI, n -> { });
        LedgerConnection zhuhaiLiaison = TestNetwork.connect(TestNetwork.ZHUHAI_LIAISON);
        LedgerConnection macauLiaison = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
        ExchangeNode zhuhai = ExchangeNodes.start(zhuhaiLiaison, zhuhaiDb, ExchangeNodes.settings("zhuhai", Map.of(),
                4096), NodeListener.NONE);
        ExchangeNode macau = ExchangeNodes.start(macauLiaison, macauDb, ExchangeNodes.settings("macau",
                Map.of("ZhuhaiPSBMSP", "127.0.0.1:" + zhuhai.port()), 4096), NodeListener.NONE);
        Path config = ExchangeNodes.configWithNodes(dir.resolve("config"),
                Map.of("macau", macau.apiPort(), "zhuhai", zhuhai.apiPort()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable closeable : new AutoCloseable[] {macau, zhuhai, macauLiaison, zhuhaiLiaison}) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }
            delete(dir);
        }, "gbx-force-nodes-stop"));
        return new ForceNodes(config, zhuhaiDb);
    }

    /** The network's config naming these nodes' local APIs. */
    public Path config() {
        return config;
    }

    /** A person on Zhuhai's file, with records in the given tables, to ask about in case details. */
    public Subject zhuhaiSubject(String... tables) {
        try {
            return ExchangeNodes.subjectWith(zhuhaiRecords, tables);
        } catch (Exception e) {
            throw new IllegalStateException("the seeded Zhuhai records cannot be read", e);
        }
    }

    /** Case details naming {@code subject}, written to a file as an officer would. */
    public static Path caseDetailsFile(Path dir, Subject subject) throws IOException {
        return Files.writeString(dir.resolve("case-details-" + subject.idType() + ".json"),
                ExchangeNodes.details(subject));
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
