package org.gbx.client.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.NetworkConfigLoader;
import org.gbx.client.config.Organisation;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.LookupLedger;
import org.gbx.client.lookup.HeldIdentifier;
import org.gbx.client.lookup.Identifier;
import org.gbx.client.lookup.IdentifierType;
import org.gbx.client.lookup.LookupFolders;
import org.gbx.client.lookup.LookupSet;
import org.gbx.client.lookup.ReceivedSets;
import org.gbx.client.lookup.ReferenceData;
import org.gbx.client.lookup.SetPreparation;
import org.gbx.client.lookup.ask.LookupAsker;
import org.gbx.client.lookup.ask.LookupOutcome;
import org.gbx.client.lookup.node.LookupDirectory;
import org.gbx.client.lookup.node.LookupNode;
import org.gbx.client.lookup.node.LookupSettings;
import org.gbx.client.lookup.oprf.OprfKeyPair;
import org.gbx.client.lookup.oprf.OprfMode;
import org.gbx.client.lookup.oprf.OprfServer;
import org.gbx.client.model.DataCategory;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.MacauIdNumber;
import org.gbx.client.records.MainlandIdNumber;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.SeedPlan;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.NodeTls;

/**
 * Hit/no-hit lookups (docs/lookup.md). Prints {@code LOOKUP_PREPARE} (the holder's set preparation
 * over N synthetic identifiers, all cores and one), {@code LOOKUP_SET} (bytes per identifier,
 * reading the set, one search in it) and, with a network, {@code LOOKUP_ANSWER} (lookups between two
 * in-process lookup services on the real network: the time of everything but the ledger commit).
 * Usage: {@code LookupBench CONFIG WORK_FOLDER IDENTIFIERS LOOKUPS} (LOOKUPS 0: no network part).
 */
public final class LookupBench {

    private static final IdentifierType[] KINDS = {IdentifierType.MAINLAND_ID, IdentifierType.MACAU_ID,
        IdentifierType.PLATE, IdentifierType.PHONE};

    private LookupBench() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        int n = Integer.parseInt(args[2]);
        int lookups = Integer.parseInt(args[3]);
        prepare(n, work);
        if (lookups > 0) {
            answer(NetworkConfigLoader.read(config), work, lookups);
        }
    }

    private static void prepare(int n, Path work) throws IOException {
        List<HeldIdentifier> held = synthetic(n);
        SecureRandom random = new SecureRandom();
        OprfServer prf = new OprfServer(OprfMode.VOPRF, OprfKeyPair.generate(random), random);
        // a tenth of the run first, so the JIT has compiled the PRF before the clock runs
        new SetPreparation(prf, ForkJoinPool.commonPool()).prepare(1, held.subList(0, n / 10));
        long start = System.nanoTime();
        LookupSet set = new SetPreparation(prf, ForkJoinPool.commonPool()).prepare(1, held);
        double seconds = (System.nanoTime() - start) / 1e9;
        ForkJoinPool one = new ForkJoinPool(1);
        List<HeldIdentifier> sample = held.subList(0, Math.min(n, 20_000));
        long startOne = System.nanoTime();
        new SetPreparation(prf, one).prepare(1, sample);
        double oneSeconds = (System.nanoTime() - startOne) / 1e9;
        one.shutdown();
        System.out.printf(Locale.ROOT, "LOOKUP_PREPARE ids=%d seconds=%.2f per_second=%.0f one_core_per_second=%.0f"
                + " cores=%d%n", n, seconds, n / seconds, sample.size() / oneSeconds,
                ForkJoinPool.commonPool().getParallelism());
        Path file = work.resolve("lookup-bench.set");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            set.write(out);
        }
        long readStart = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            LookupSet.read(in);
        }
        double readMs = (System.nanoTime() - readStart) / 1e6;
        byte[] probe = prf.evaluate(held.get(n / 2).identifier().prfInput());
        set.find(probe);
        long findStart = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            set.find(probe);
        }
        double findUs = (System.nanoTime() - findStart) / 1e3 / 1000;
        System.out.printf(Locale.ROOT, "LOOKUP_SET ids=%d bytes=%d per_identifier=%.2f read_ms=%.0f find_us=%.1f%n", n,
                Files.size(file), Files.size(file) / (double) n, readMs, findUs);
        Files.delete(file);
    }

    /** A force's worth of identifiers: mainland and Macau IDs, plates, phone numbers, with counts. */
    static List<HeldIdentifier> synthetic(int n) {
        SplittableRandom random = new SplittableRandom(19);
        List<HeldIdentifier> held = new ArrayList<>(n);
        for (int i = 0; held.size() < n; i++) {
            String written = switch (i % 4) {
                case 0 -> MainlandIdNumber.of("4404" + String.format("%02d", random.nextInt(100)),
                        LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)), random.nextInt(1000));
                case 1 -> MacauIdNumber.random(random);
                case 2 -> String.format("粤C·%c%04d", (char) ('A' + random.nextInt(26)), random.nextInt(10_000));
                default -> String.format("+86 1%02d %04d %04d", 30 + random.nextInt(70), random.nextInt(10_000),
                        random.nextInt(10_000));
            };
            IdentifierType type = KINDS[i % 4];
            Map<DataCategory, Integer> counts = new EnumMap<>(DataCategory.class);
            counts.put(DataCategory.IDENTITY, 1);
            counts.put(DataCategory.BORDER_CROSSINGS, random.nextInt(7));
            Identifier identifier = type.identifier(written);
            held.add(new HeldIdentifier(identifier, new ReferenceData(counts)));
        }
        return held;
    }

    /** Zhuhai's and Macau's lookup services in this JVM, on the network; Macau's second liaison asks. */
    private static void answer(NetworkConfig config, Path work, int lookups) throws Exception {
        Organisation zhuhai = config.requireOrganisation("zhuhai");
        Organisation macau = config.requireOrganisation("macau");
        RecordsDatabase zhuhaiDb = RecordsDatabase.embedded(new DataHome(work.resolve("lookup-zhuhai")));
        RecordsDatabase macauDb = RecordsDatabase.embedded(new DataHome(work.resolve("lookup-macau")));
        new RecordsSeeder(zhuhaiDb).seed(new SeedPlan("zhuhai", org.gbx.client.records.IdType.MAINLAND_RIC, 2000, 1, 19),
                done -> { });
        new RecordsSeeder(macauDb).seed(new SeedPlan("macau", org.gbx.client.records.IdType.MACAU_BIR, 10, 1, 19),
                done -> { });
        int zhuhaiPort = freePort();
        int macauPort = freePort();
        try (LedgerConnection zhuhaiLiaison = LedgerConnection.open(config, "zhuhai", "liaison1");
                LedgerConnection macauLiaison = LedgerConnection.open(config, "macau", "liaison1");
                LedgerConnection asker = LedgerConnection.open(config, "macau", "liaison2");
                LookupNode holder = LookupNode.start(zhuhaiLiaison, zhuhaiDb, settings(zhuhai, zhuhaiPort,
                        Map.of("MacauPJMSP", "127.0.0.1:" + macauPort)));
                LookupNode own = LookupNode.start(macauLiaison, macauDb, settings(macau, macauPort,
                        Map.of("ZhuhaiPSBMSP", "127.0.0.1:" + zhuhaiPort)))) {
            LookupLedger ledger = LookupLedger.over(asker);
            ReceivedSets sets = new ReceivedSets(LookupFolders.sets(macauDb.home()));
            var key = ledger.currentKey("ZhuhaiPSBMSP");
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!sets.holds("ZhuhaiPSBMSP", key.epoch(), key.setDigest())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Macau's lookup service did not receive Zhuhai's set in 2 minutes");
                }
                Thread.sleep(200);
            }
            int left = ledger.quota().left();
            if (left == 0) {
                System.out.println("LOOKUP_ANSWER skipped=cap_reached");
                return;
            }
            try (LookupAsker lookupAsker = new LookupAsker(ledger, sets, new LookupDirectory(config,
                    Map.of("ZhuhaiPSBMSP", "127.0.0.1:" + zhuhaiPort)), new NodeTls(macau.exchangeNode().certificate(),
                    macau.exchangeNode().privateKey()), ChannelTrust.of(config), new SecureRandom())) {
                measure(lookupAsker, ledger, Math.min(lookups, left));
            }
        }
    }

    private static void measure(LookupAsker lookupAsker, LookupLedger ledger, int lookups) {
        List<HeldIdentifier> held = synthetic(lookups);
        long[] answers = new long[held.size()];
        long[] commits = new long[held.size()];
        for (int i = 0; i < held.size(); i++) {
            LookupOutcome outcome = lookupAsker.ask("LKP-bench-" + System.nanoTime(), "ZhuhaiPSBMSP",
                    held.get(i).identifier(), "Benchmark of the lookup protocol", "Benchmark, no case");
            answers[i] = outcome.answerMillis();
            commits[i] = outcome.ledgerMillis();
        }
        System.out.printf(Locale.ROOT, "LOOKUP_ANSWER runs=%d median_ms=%d max_ms=%d first_ms=%d ledger_median_ms=%d"
                + " holder_set=%d%n", answers.length, median(answers), Arrays.stream(answers).max().orElse(0), answers[0],
                median(commits), ledger.currentKey("ZhuhaiPSBMSP").setSize());
    }

    /** Each service on its own port: the bench passes the lookup port itself, as a node's port + 1 would be. */
    private static LookupSettings settings(Organisation org, int port, Map<String, String> peers) {
        return new LookupSettings(port, new NodeTls(org.exchangeNode().certificate(), org.exchangeNode().privateKey()),
                peers, LookupSettings.DEFAULT_KEY_LIFETIME, LookupSettings.DEFAULT_REFRESH, Duration.ofSeconds(2));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
