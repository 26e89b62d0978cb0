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
import org.gbx.client.node.NodeListener;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.ReceivedStore;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.SeedPlan;
import org.gbx.client.records.Subject;
import org.gbx.it.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No personal data on the ledger (docs/design.md, what lives where). First a whole lifecycle like the demo's (request,
 * partial grant, delivery, receipt, two accesses through {@code gbx access}, {@code gbx destroy}),
 * then every block of the channel is fetched from the committee's peer, decoded, and searched
 * for every personal identifier seeded for the exchange ITs (re-seeded: seeding is
 * deterministic) and, when {@code scripts/demo.sh} has run, in the demo's two record databases.
 */
class PersonalDataScanIT {

    @TempDir
    Path dir;

    @Test
    void no_block_of_the_channel_holds_a_seeded_personal_identifier() throws Exception {
        RecordsDatabase zhuhaiDb = RecordsDatabase.embedded(new DataHome(dir.resolve("zhuhai")));
        RecordsDatabase macauDb = RecordsDatabase.embedded(new DataHome(dir.resolve("macau")));
        new RecordsSeeder(zhuhaiDb).seed(ExchangeNodes.SCAN_ZHUHAI, n -> { });
        new RecordsSeeder(macauDb).seed(ExchangeNodes.SCAN_MACAU, n -> { });
        Subject subject = ExchangeNodes.subjectWith(zhuhaiDb, "border_crossing", "vehicle", "phone_subscription");
        String requestId = demoLikeLifecycle(zhuhaiDb, macauDb, subject);

        Map<String, Set<String>> sources = identifierSources();
        Set<String> identifiers = new TreeSet<>();
        sources.values().forEach(identifiers::addAll);
        IdentifierSearch search = new IdentifierSearch(identifiers);
        assertThat(identifiers).contains(subject.idNumber());
        assertThat(search.find("{\"idNumber\":\"" + subject.idNumber() + "\"}")).as("the search finds a planted one")
                .containsExactly(subject.idNumber());

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
        System.out.printf("personal data scan: %d blocks, %d transactions, %d public writes, %d events searched for"
                + " %d identifiers from %s in %d s: %d hits%n", height, transactions.size(), writes, events,
                identifiers.size(), sources.keySet(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                hits.size());
        try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON)) {
            List<HistoryEntry> history = ExchangeLedger.over(macau).getHistory(requestId);
            assertThat(history).hasSizeGreaterThanOrEqualTo(7); // create, approve, deliver, receive, 2 accesses, destroy
            assertThat(transactions).as("the lifecycle's transactions were decoded")
                    .containsAll(history.stream().map(HistoryEntry::txId).toList());
        }
        assertThat(hits).isEmpty();
    }

    /** Request, partial grant, delivery by Zhuhai's node, receipt by Macau's, two accesses, destruction. */
    private String demoLikeLifecycle(RecordsDatabase zhuhaiDb, RecordsDatabase macauDb, Subject subject)
            throws Exception {
        ExchangeNodes.Outcomes macau = new ExchangeNodes.Outcomes();
        try (LedgerConnection macauLiaison = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
                LedgerConnection zhuhaiLiaison = TestNetwork.connect(TestNetwork.ZHUHAI_LIAISON);
                LedgerConnection zhuhaiApprover = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER);
                ExchangeNode zhuhaiNode = ExchangeNodes.start(zhuhaiLiaison, zhuhaiDb,
                        ExchangeNodes.settings("zhuhai", Map.of(), 4096), NodeListener.NONE);
                ExchangeNode macauNode = ExchangeNodes.start(macauLiaison, macauDb, ExchangeNodes.settings("macau",
                        Map.of("ZhuhaiPSBMSP", "127.0.0.1:" + zhuhaiNode.port()), 4096), macau)) {
            String requestId = ExchangeNodes.requestAndGrant(macauLiaison, zhuhaiApprover, "scan", subject,
                    List.of(DataCategory.BORDER_CROSSINGS, DataCategory.VEHICLES, DataCategory.TELECOM),
                    List.of(DataCategory.BORDER_CROSSINGS, DataCategory.VEHICLES));
            ExchangeNodes.Outcomes.of(macau.received, requestId).get(120, TimeUnit.SECONDS);
            assertThat(new ReceivedStore(macauDb).records(requestId)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.canonicalJson()).contains(subject.idNumber()));
            for (String justification : List.of("Cross-check with the border crossing log",
                    "Confirm the vehicle seen at the Gongbei port")) {
                assertThat(gbx("access", requestId, "--justification", justification, "--data",
                        dir.resolve("macau").toString())).isZero();
            }
            assertThat(gbx("destroy", requestId, "--data", dir.resolve("macau").toString())).isZero();
            assertThat(ExchangeLedger.over(macauLiaison).getRequest(requestId).status()).isEqualTo(Status.DESTROYED);
            assertThat(new ReceivedStore(macauDb).records(requestId)).isEmpty();
            return requestId;
        }
    }

    /** {@code gbx ARGS} as Macau's liaison officer, in this JVM; its output is dropped (it holds personal data). */
    private static int gbx(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--org", "macau", "--user", TestNetwork.MACAU_LIAISON.name(), "--lang", "en"));
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Gbx.run(all.toArray(String[]::new), Map.of("GBX_CONFIG", TestNetwork.configPath().toString()),
                sink, sink);
    }

    /** Identifiers by where they come from: each exchange IT's plan, and the demo's databases if present. */
    private Map<String, Set<String>> identifierSources() throws Exception {
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        int n = 0;
        for (SeedPlan plan : ExchangeNodes.ALL_PLANS) {
            RecordsDatabase reseeded = RecordsDatabase.embedded(new DataHome(dir.resolve("plans").resolve("p" + n++)));
            new RecordsSeeder(reseeded).seed(new SeedPlan(plan.orgKey(), plan.homeJurisdiction(), plan.persons(), 1,
                    plan.seed()), done -> { });
            sources.computeIfAbsent("exchange ITs", k -> new TreeSet<>()).addAll(SeededIdentifiers.of(reseeded));
        }
        Path demoData = TestNetwork.configPath().toAbsolutePath().getParent().resolve("exchange");
        for (String org : List.of("macau", "zhuhai")) {
            if (Files.isRegularFile(demoData.resolve(org).resolve("records.mv.db"))) {
                sources.put("demo " + org, SeededIdentifiers.of(RecordsDatabase.embedded(new DataHome(demoData.resolve(org)))));
            }
        }
        return sources;
    }
}
