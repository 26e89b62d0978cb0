package org.gbx.it.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.gbx.client.audit.chain.PeerBlockSource;
import org.gbx.client.cli.Gbx;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.HistoryEntry;
import org.gbx.client.model.Status;
import org.gbx.client.node.ExchangeNode;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.SeedPlan;
import org.gbx.client.records.Subject;
import org.gbx.it.GbxCli;
import org.gbx.it.TestNetwork;
import org.gbx.it.ledger.SyntheticCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No personal data on the ledger (docs/design.md, what lives where), and nothing of a destroyed request on any disk. First a whole
 * lifecycle like the demo's (request, partial grant, delivery, receipt, two accesses through
 * {@code gbx access}, {@code gbx destroy}). Then, searched for every personal identifier seeded
 * for the exchange ITs (re-seeded: seeding is deterministic), every test's synthetic case details,
 * and, when {@code scripts/demo.sh} has run, the demo's two record databases:
 * <ol>
 * <li>every block of the channel, from the committee's peer, decoded;</li>
 * <li>every byte of every file of the network folder (peers, orderers, CAs, chaincode servers,
 * logs, the demo's exchange nodes) and of this test's own nodes: none may hold any of them, except
 * a force's own records (its records database, its clips, its outbox of packages for live
 * requests);</li>
 * <li>each force's own records database: none may hold the other force's identifiers (what it
 * received is sealed at rest, and destroyed with its key).</li>
 * </ol>
 */
class PersonalDataScanIT {

    @TempDir
    Path dir;

    @Test
    void no_block_and_no_file_holds_a_seeded_personal_identifier() throws Exception {
        RecordsDatabase zhuhaiDb = RecordsDatabase.embedded(new DataHome(dir.resolve("nodes/zhuhai")));
        RecordsDatabase macauDb = RecordsDatabase.embedded(new DataHome(dir.resolve("nodes/macau")));
        new RecordsSeeder(zhuhaiDb).seed(ExchangeNodes.SCAN_ZHUHAI, n -> { });
        new RecordsSeeder(macauDb).seed(ExchangeNodes.SCAN_MACAU, n -> { });
        Subject subject = ExchangeNodes.subjectWith(zhuhaiDb, "border_crossing", "vehicle", "phone_subscription");
        String requestId = demoLikeLifecycle(zhuhaiDb, macauDb, subject);

        Map<String, Set<String>> sources = identifierSources();
        Set<String> identifiers = new TreeSet<>();
        sources.values().forEach(identifiers::addAll);
        assertThat(identifiers).contains(subject.idNumber());
        assertThat(new IdentifierSearch(identifiers).find("{\"idNumber\":\"" + subject.idNumber() + "\"}"))
                .as("the search finds a planted one").containsExactly(subject.idNumber());

        List<String> hits = scanBlocks(requestId, identifiers, sources.keySet());
        hits.addAll(scanFiles(requestId, identifiers));
        hits.addAll(scanOwnDatabases(Map.of("zhuhai", zhuhaiDb, "macau", macauDb)));
        assertThat(hits).isEmpty();
    }

    /** Request, partial grant, delivery by Zhuhai's node, receipt by Macau's, two accesses, destruction. */
    private String demoLikeLifecycle(RecordsDatabase zhuhaiDb, RecordsDatabase macauDb, Subject subject)
            throws Exception {
        ExchangeNodes.Outcomes macau = new ExchangeNodes.Outcomes();
        ExchangeNodes.Outcomes zhuhai = new ExchangeNodes.Outcomes();
        try (LedgerConnection macauLiaison = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
                LedgerConnection zhuhaiLiaison = TestNetwork.connect(TestNetwork.ZHUHAI_LIAISON);
                LedgerConnection zhuhaiApprover = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER);
                ExchangeNode zhuhaiNode = ExchangeNodes.start(zhuhaiLiaison, zhuhaiDb,
                        ExchangeNodes.settings("zhuhai", Map.of(), 4096), zhuhai);
                ExchangeNode macauNode = ExchangeNodes.start(macauLiaison, macauDb, ExchangeNodes.settings("macau",
                        Map.of("ZhuhaiPSBMSP", "127.0.0.1:" + zhuhaiNode.port()), 4096), macau)) {
            String requestId = ExchangeNodes.requestAndGrant(macauLiaison, macauNode.apiPort(), zhuhaiApprover, "scan",
                    subject, List.of(DataCategory.BORDER_CROSSINGS, DataCategory.VEHICLES, DataCategory.TELECOM),
                    List.of(DataCategory.BORDER_CROSSINGS, DataCategory.VEHICLES));
            ExchangeNodes.Outcomes.of(macau.received, requestId).get(120, TimeUnit.SECONDS);
            assertThat(macauNode.received().records(requestId)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.canonicalJson()).contains(subject.idNumber()));
            Path config = ExchangeNodes.configWithNodes(dir.resolve("config"), Map.of("macau", macauNode.apiPort()));
            for (String justification : List.of("Cross-check with the border crossing log",
                    "Confirm the vehicle seen at the Gongbei port")) {
                assertThat(gbx(config, "access", requestId, "--justification", justification)).isZero();
            }
            assertThat(gbx(config, "destroy", requestId)).isZero();
            assertThat(ExchangeLedger.over(macauLiaison).getRequest(requestId).status()).isEqualTo(Status.DESTROYED);
            ExchangeNodes.Outcomes.of(macau.erased, requestId).get(60, TimeUnit.SECONDS);
            ExchangeNodes.Outcomes.of(zhuhai.erased, requestId).get(60, TimeUnit.SECONDS);
            assertThat(macauNode.received().records(requestId)).isEmpty();
            assertThat(dir.resolve("nodes/zhuhai/outbox").resolve(requestId)).as("the package left the outbox")
                    .doesNotExist();
            return requestId;
        }
    }

    private List<String> scanBlocks(String requestId, Set<String> identifiers, Set<String> sources) throws Exception {
        IdentifierSearch search = new IdentifierSearch(identifiers);
        List<String> hits = new ArrayList<>();
        Set<String> transactions = new HashSet<>();
        int writes = 0;
        int events = 0;
        long started = System.nanoTime();
        long height;
        try (LedgerConnection committee = TestNetwork.connect(TestNetwork.OVERSIGHT_AUDITOR);
                PeerBlockSource blocks = new PeerBlockSource(committee.network(), "committee peer",
                        Duration.ofSeconds(30))) {
            height = blocks.height();
            for (long number = 0; number < height; number++) {
                DecodedBlock block = DecodedBlock.decode(number, blocks.block(number));
                transactions.addAll(block.transactionIds());
                writes += block.writes();
                events += block.events();
                for (String text : block.texts()) {
                    for (String hit : search.find(text)) {
                        hits.add("block " + number + " holds a seeded identifier of length " + hit.length());
                    }
                }
            }
        }
        System.out.printf("personal data scan of the blocks: %d blocks, %d transactions, %d public writes, %d events"
                + " searched for %d identifiers from %s in %d s: %d hits%n", height, transactions.size(), writes, events,
                identifiers.size(), sources, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), hits.size());
        try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON)) {
            List<HistoryEntry> history = ExchangeLedger.over(macau).getHistory(requestId);
            assertThat(history).hasSizeGreaterThanOrEqualTo(7); // create, approve, deliver, receive, 2 accesses, destroy
            assertThat(transactions).as("the lifecycle's transactions were decoded")
                    .containsAll(history.stream().map(HistoryEntry::txId).toList());
        }
        return hits;
    }

    /**
     * Every file of the network folder and of this test's nodes, but a force's own records. The
     * destroyed request's id must be found in both forces' peer folders: proof that the scan reads
     * the peers' stores at all.
     */
    private List<String> scanFiles(String requestId, Set<String> identifiers) throws Exception {
        Path network = TestNetwork.configPath().toAbsolutePath().getParent();
        List<Path> roots = List.of(network, dir.resolve("nodes"));
        long started = System.nanoTime();
        DiskScan.Result result = new DiskScan(identifiers).scan(roots, PersonalDataScanIT::ownRecordsOrBinaries);
        System.out.printf("personal data scan of the disks: %d files, %d MiB under %s searched for %d identifiers in"
                + " %d s: %d hits%n", result.files(), result.bytes() >> 20, roots, identifiers.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), result.hits().size());
        for (String force : List.of("macau", "zhuhai")) {
            Path peer = network.resolve("orgs").resolve(force).resolve("peer");
            assertThat(new DiskScan(List.of(requestId)).scan(List.of(peer), p -> false).hits())
                    .as("the scan reads the peer files of " + force + ": it finds the (public) request id").isNotEmpty();
        }
        return result.hits();
    }

    /** A force's own records are its own (records database, clips, packages it is delivering); jars hold code. */
    private static boolean ownRecordsOrBinaries(Path file) {
        String name = file.getFileName().toString();
        String path = file.toString();
        return name.startsWith("records.") && (name.endsWith(".mv.db") || name.endsWith(".trace.db"))
                || path.contains("/clips/") || path.contains("/outbox/") || name.endsWith(".jar");
    }

    /**
     * Each force's own database holds its own persons and nothing readable of another force's: the
     * other force's identifiers (less any the force happens to hold itself, whole or within one of
     * its own) are searched in it.
     */
    private List<String> scanOwnDatabases(Map<String, RecordsDatabase> testNodes) throws Exception {
        Map<String, Path> databases = new LinkedHashMap<>();
        Map<String, Set<String>> own = new LinkedHashMap<>();
        for (Map.Entry<String, RecordsDatabase> node : testNodes.entrySet()) {
            databases.put("test " + node.getKey(), Path.of(node.getValue().home().embeddedDatabase() + ".mv.db"));
            own.put("test " + node.getKey(), SeededIdentifiers.of(node.getValue()));
        }
        Path demo = TestNetwork.configPath().toAbsolutePath().getParent().resolve("exchange");
        for (String org : List.of("macau", "zhuhai")) {
            Path file = demo.resolve(org).resolve("records.mv.db");
            if (Files.isRegularFile(file)) {
                databases.put("demo " + org, file);
                own.put("demo " + org, SeededIdentifiers.of(RecordsDatabase.embedded(new DataHome(demo.resolve(org)))));
            }
        }
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, Path> database : databases.entrySet()) {
            String name = database.getKey();
            String other = name.endsWith("macau") ? name.replace("macau", "zhuhai") : name.replace("zhuhai", "macau");
            if (!own.containsKey(other)) {
                continue;
            }
            // Synthetic names of two forces overlap ("NG CHON WA" within "WONG CHON WA"): what the
            // force holds itself, even inside its own identifiers, is not the other force's.
            String ownText = String.join("\n", own.get(name));
            Set<String> foreign = new TreeSet<>(own.get(other));
            foreign.removeIf(ownText::contains);
            assertThat(new DiskScan(own.get(name)).scan(List.of(database.getValue()), p -> false).hits())
                    .as("the scan reads %s's database file: it finds the force's own persons there", name).isNotEmpty();
            DiskScan.Result result = new DiskScan(foreign).scan(List.of(database.getValue()), p -> false);
            System.out.printf("personal data scan of %s's own database: %d identifiers of %s searched: %d hits%n",
                    name, foreign.size(), other, result.hits().size());
            hits.addAll(result.hits());
        }
        return hits;
    }

    /** {@code gbx ARGS} as Macau's liaison officer, in this JVM; its output is dropped (it holds personal data). */
    private static int gbx(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--org", "macau", "--user", TestNetwork.MACAU_LIAISON.name(), "--lang", "en"));
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Gbx.run(all.toArray(String[]::new), Map.of("GBX_CONFIG", config.toString()), sink, sink);
    }

    /** Identifiers by where they come from: each exchange IT's plan, the ITs' case details, the demo's databases. */
    private Map<String, Set<String>> identifierSources() throws Exception {
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        int n = 0;
        for (SeedPlan plan : ExchangeNodes.ALL_PLANS) {
            RecordsDatabase reseeded = RecordsDatabase.embedded(new DataHome(dir.resolve("plans").resolve("p" + n++)));
            new RecordsSeeder(reseeded).seed(new SeedPlan(plan.orgKey(), plan.homeJurisdiction(), plan.persons(), 1,
                    plan.seed()), done -> { });
            sources.computeIfAbsent("exchange ITs", k -> new TreeSet<>()).addAll(SeededIdentifiers.of(reseeded));
        }
        sources.put("ITs' case details", new TreeSet<>(SyntheticCase.PERSONAL_DATA));
        sources.get("ITs' case details").addAll(GbxCli.PERSONAL_DATA);
        Path demoData = TestNetwork.configPath().toAbsolutePath().getParent().resolve("exchange");
        for (String org : List.of("macau", "zhuhai")) {
            if (Files.isRegularFile(demoData.resolve(org).resolve("records.mv.db"))) {
                sources.put("demo " + org, SeededIdentifiers.of(RecordsDatabase.embedded(new DataHome(demoData.resolve(org)))));
            }
        }
        return sources;
    }
}
