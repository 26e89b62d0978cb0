package org.gbx.it.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.gbx.client.audit.chain.PeerBlockSource;
import org.gbx.client.cli.Gbx;
import org.gbx.client.config.Organisation;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.LookupLedger;
import org.gbx.client.lookup.IdentifierType;
import org.gbx.client.lookup.node.LookupClient;
import org.gbx.client.lookup.node.LookupRefusedException;
import org.gbx.client.lookup.oprf.OprfKeyPair;
import org.gbx.client.model.LookupKey;
import org.gbx.client.model.LookupQuota;
import org.gbx.client.model.LookupRecord;
import org.gbx.client.model.NewLookup;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.MainlandIdNumber;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.NodeTls;
import org.gbx.it.TestNetwork;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hit/no-hit lookups between the two forces' real nodes ({@code gbx node start} processes) on the
 * real network (docs/lookup.md): a hit and a no-hit for each identifier type, in both directions;
 * the daily cap; the holder refusing what the ledger does not show; a lookup endorsed without the
 * holder invalid at commit; and, last, no identifier asked about in any block, log, output or the
 * holder's files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LookupIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZHUHAI = "ZhuhaiPSBMSP";
    private static final String MACAU = "MacauPJMSP";
    /** A Hong Kong visitor in Zhuhai's records (the seeder writes only Macau and mainland documents). */
    private static final String HK_VISITOR = "K987654(5)";

    @TempDir
    static Path dir;
    static Path config;

    private static NodeProcess zhuhaiNode;
    private static NodeProcess macauNode;
    private static int zhuhaiPort;
    private static RecordsDatabase zhuhaiDb;
    private static RecordsDatabase macauDb;
    /** Every form in which an identifier was asked about, for the final scan. */
    private static final Set<String> ASKED = new LinkedHashSet<>();
    /** Asked about but held by nobody: must not be in the holder's files at all. */
    private static final Set<String> ABSENT = new LinkedHashSet<>();
    private static final List<String> OUTPUTS = new ArrayList<>();
    private static String aHit;

    @BeforeAll
    static void seedAndStartBothNodes() throws Exception {
        zhuhaiDb = RecordsDatabase.embedded(new DataHome(dir.resolve("zhuhai")));
        macauDb = RecordsDatabase.embedded(new DataHome(dir.resolve("macau")));
        new RecordsSeeder(zhuhaiDb).seed(ExchangeNodes.LOOKUP_ZHUHAI, n -> { });
        new RecordsSeeder(macauDb).seed(ExchangeNodes.LOOKUP_MACAU, n -> { });
        try (Connection c = zhuhaiDb.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO person VALUES ('ZHUHAI-HK0001', 'HONG_KONG_ID', '" + HK_VISITOR
                    + "', '張嘉欣', 'CHEUNG KA YAN', 'F', DATE '1991-04-02', 'Hong Kong')");
            s.executeUpdate("INSERT INTO border_crossing VALUES ('ZHUHAI-HK0001-X0', 'ZHUHAI-HK0001', 'HZMB_ZHUHAI', "
                    + "'ENTRY', TIMESTAMP '2025-06-01 09:30:00', 'HK_ID')");
        }
        int[] ports = ExchangeNodes.freePortPairs(2);
        zhuhaiPort = ports[0];
        int macauPort = ports[1];
        zhuhaiNode = NodeProcess.start(TestNetwork.ZHUHAI_LIAISON, dir.resolve("zhuhai"), zhuhaiPort, 0,
                Map.of(MACAU, "127.0.0.1:" + macauPort), dir.resolve("zhuhai-node.log"));
        zhuhaiNode.awaitLogLine("lookup service of " + ZHUHAI, Duration.ofSeconds(120));
        macauNode = NodeProcess.start(TestNetwork.MACAU_LIAISON, dir.resolve("macau"), macauPort, 0,
                Map.of(ZHUHAI, "127.0.0.1:" + zhuhaiPort), dir.resolve("macau-node.log"));
        macauNode.awaitLogLine("received the lookup set of " + ZHUHAI, Duration.ofSeconds(120));
        zhuhaiNode.awaitLogLine("received the lookup set of " + MACAU, Duration.ofSeconds(120));
        // gbx reaches each force's own node (request create hands it the case-details key) on its free API port.
        config = ExchangeNodes.configWithNodes(dir.resolve("config"),
                Map.of("macau", macauNode.apiPort(), "zhuhai", zhuhaiNode.apiPort()));
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (macauNode != null) {
            macauNode.close();
        }
        if (zhuhaiNode != null) {
            zhuhaiNode.close();
        }
    }

    @Test
    @Order(1)
    void macau_gets_a_hit_and_a_no_hit_from_zhuhai_for_each_identifier_type() throws Exception {
        String held = value(zhuhaiDb, "SELECT id_number FROM person WHERE id_type = 'MAINLAND_RIC' ORDER BY person_id");
        assertHit("macau", "zhuhai", "mainland-id", held.substring(0, 17) + held.substring(17).toLowerCase(),
                crossingsOf(zhuhaiDb, held));
        assertNoHit("macau", "zhuhai", "mainland-id", absentMainlandId());

        String macauResident = value(zhuhaiDb, "SELECT id_number FROM person WHERE id_type = 'MACAU_BIR' ORDER BY person_id");
        assertHit("macau", "zhuhai", "macau-id", macauResident.replace("(", " (").replace(")", ") "),
                crossingsOf(zhuhaiDb, macauResident));
        assertNoHit("macau", "zhuhai", "macau-id", absentMacauId(zhuhaiDb));

        assertHit("macau", "zhuhai", "hk-id", HK_VISITOR.toLowerCase(), 1);
        assertNoHit("macau", "zhuhai", "hk-id", "K987655(3)");

        String plate = value(zhuhaiDb, "SELECT mainland_plate FROM vehicle WHERE mainland_plate LIKE '粤C%' ORDER BY vehicle_id");
        assertHit("macau", "zhuhai", "plate", plate.replace("·", " "), -1);
        assertNoHit("macau", "zhuhai", "plate", "粤C·Q0000");

        String phone = value(zhuhaiDb, "SELECT msisdn FROM phone_subscription WHERE msisdn LIKE '+86%' ORDER BY subscription_id");
        aHit = assertHit("macau", "zhuhai", "phone", phone.replace(" ", "-"), -1);
        assertNoHit("macau", "zhuhai", "phone", "+86 199 0000 0001");
    }

    @Test
    @Order(2)
    void zhuhai_gets_a_hit_and_a_no_hit_from_macau() throws Exception {
        String resident = value(macauDb, "SELECT id_number FROM person WHERE id_type = 'MACAU_BIR' ORDER BY person_id");
        assertHit("zhuhai", "macau", "macau-id", resident, crossingsOf(macauDb, resident));
        assertNoHit("zhuhai", "macau", "macau-id", absentMacauId(macauDb));
        String plate = value(macauDb, "SELECT macau_plate FROM vehicle WHERE macau_plate IS NOT NULL ORDER BY vehicle_id");
        assertHit("zhuhai", "macau", "plate", plate.toLowerCase().replace("-", " "), -1);
        assertNoHit("zhuhai", "macau", "plate", "MZ-00-00");
    }

    @Test
    @Order(3)
    void a_hit_becomes_an_ordinary_request_that_names_the_lookup() throws Exception {
        Path details = dir.resolve("case-details.json");
        Files.writeString(details, "{\"narrative\":\"Suspected cross-border fraud\",\"subjects\":[]}");
        String requestId = TestNetwork.uniqueId("lookup-request");
        Run created = gbx("macau", "liaison1", "request", "create", "--id", requestId, "--target", "zhuhai", "--lookup",
                aHit, "--purpose", "Identify the subscriber of a phone in a fraud case", "--legal-basis",
                "Liaison arrangement art. 3", "--categories", "IDENTITY,TELECOM", "--details", details.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON)) {
            assertThat(LookupLedger.over(macau).getLookup(aHit).requestId()).isEqualTo(requestId);
        }
    }

    @Test
    @Order(4)
    void the_daily_cap_refuses_the_next_lookup() throws Exception {
        try (LedgerConnection officer = TestNetwork.connect(TestNetwork.MACAU_LIAISON_2)) {
            LookupLedger ledger = LookupLedger.over(officer);
            LookupQuota quota = ledger.quota();
            LookupKey key = ledger.currentKey(ZHUHAI);
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < quota.left(); i++) {
                byte[] blinded = new byte[32];
                random.nextBytes(blinded);
                LookupRecord recorded = ledger.recordLookup(TestNetwork.uniqueId("cap"), new NewLookup(ZHUHAI,
                        "PHONE", "Trace a burner phone", "Liaison arrangement art. 3", HexFormat.of().formatHex(blinded),
                        key.epoch())).value();
                assertThat(recorded.dailySequence()).isEqualTo(quota.used() + i + 1);
            }
            assertThat(ledger.quota().left()).isZero();
            Run refused = gbx("macau", "liaison2", "lookup", "--target", "zhuhai", "--id-type", "phone", "--id",
                    "+86 199 0000 0002", "--purpose", "Trace a burner phone", "--legal-basis", "Liaison arrangement art. 3",
                    "--data", dir.resolve("macau").toString(), "--holder-node", "127.0.0.1:" + (zhuhaiPort + 1));
            ASKED.add("+86 199 0000 0002");
            ABSENT.add("+86 199 0000 0002");
            assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(4);
            assertThat(refused.err()).as("the ledger's rule, its code and the officer's count in words")
                    .contains("Refused by the ledger's rule: an officer may make only so many lookups a day")
                    .contains("LOOKUP_CAP_REACHED").contains("you have made 20 lookups today");
        }
    }

    @Test
    @Order(5)
    void zhuhais_node_evaluates_nothing_that_is_not_a_committed_lookup_of_the_asker() throws Exception {
        Organisation macau = TestNetwork.config().requireOrganisation("macau");
        NodeTls macauTls = new NodeTls(macau.exchangeNode().certificate(), macau.exchangeNode().privateKey());
        ChannelTrust trust = ChannelTrust.of(TestNetwork.config());
        byte[] element = OprfKeyPair.generate(new SecureRandom()).publicKeyBytes();
        try (LookupClient client = LookupClient.connect("127.0.0.1:" + (zhuhaiPort + 1), ZHUHAI, macauTls, trust,
                Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> client.evaluate("LKP-" + UUID.randomUUID(), element))
                    .isInstanceOfSatisfying(LookupRefusedException.class, e -> assertThat(e.reason())
                            .isEqualTo(LookupRefusedException.Reason.NOT_ON_LEDGER));
            assertThatThrownBy(() -> client.evaluate(aHit, element))
                    .isInstanceOfSatisfying(LookupRefusedException.class, e -> assertThat(e.reason())
                            .isEqualTo(LookupRefusedException.Reason.NOT_THE_RECORDED_LOOKUP));
        }
        try (LookupClient committee = LookupClient.connect("127.0.0.1:" + (zhuhaiPort + 1), ZHUHAI,
                ExchangeNodes.peerTls("oversight"), trust, Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> committee.evaluate(aHit, element)).isInstanceOf(LookupRefusedException.class);
        }
        zhuhaiNode.awaitLogLine("refused lookup " + aHit + " from " + MACAU + ": NOT_THE_RECORDED_LOOKUP",
                Duration.ofSeconds(10));
        assertThat(zhuhaiNode.log()).contains(": NOT_ON_LEDGER");
    }

    /**
     * Zhuhai's and the committee's peers meet the chaincode's majority; the lookup still needs Macau's,
     * the holder's. Zhuhai's second liaison asks: its cap is not used by the tests above.
     */
    @Test
    @Order(6)
    void a_lookup_endorsed_without_the_holders_peer_is_invalid_at_commit() throws Exception {
        try (LedgerConnection zhuhai = TestNetwork.connect(TestNetwork.ZHUHAI_LIAISON_2)) {
            LookupKey key = LookupLedger.over(zhuhai).currentKey(MACAU);
            Contract contract = zhuhai.contract();
            String id = TestNetwork.uniqueId("one-sided");
            String lookupJson = """
                    {"holderOrg":"MacauPJMSP","idType":"PLATE","purpose":"Trace a car","legalBasis":"Art. 3",\
                    "blindedHash":"%s","keyEpoch":%d}""".formatted("ab".repeat(32), key.epoch());
            org.hyperledger.fabric.client.Status commit = contract.newProposal("lookup:RecordLookup")
                    .addArguments(id, lookupJson)
                    .setEndorsingOrganizations(ZHUHAI, "OversightMSP")
                    .build().endorse().submitAsync().getStatus();
            assertThat(commit.isSuccessful()).isFalse();
            assertThat(commit.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThatThrownBy(() -> LookupLedger.over(zhuhai).getLookup(id))
                    .isInstanceOfSatisfying(ChaincodeRefusalException.class, e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
        }
    }

    @Test
    @Order(7)
    void no_identifier_asked_about_is_in_any_block_log_output_or_file_of_the_holder() throws Exception {
        Set<String> forms = new LinkedHashSet<>(ASKED);
        Set<String> absentForms = new LinkedHashSet<>(ABSENT);
        for (String asked : ASKED) {
            for (IdentifierType type : IdentifierType.values()) {
                try {
                    String canonical = type.identifier(asked).canonical();
                    forms.add(canonical);
                    if (ABSENT.contains(asked)) {
                        absentForms.add(canonical);
                    }
                } catch (IllegalArgumentException notOfThisType) {
                    // each identifier is of one type or two
                }
            }
        }
        IdentifierSearch search = new IdentifierSearch(forms);
        IdentifierSearch absentSearch = new IdentifierSearch(absentForms);
        List<String> hits = new ArrayList<>();
        try (LedgerConnection committee = TestNetwork.connect(TestNetwork.OVERSIGHT_AUDITOR);
                PeerBlockSource blocks = new PeerBlockSource(committee.network(), "committee peer", Duration.ofSeconds(30))) {
            long height = blocks.height();
            for (long number = 0; number < height; number++) {
                for (String text : DecodedBlock.decode(number, blocks.block(number)).texts()) {
                    search.find(text).forEach(hit -> hits.add("a block holds an identifier asked about"));
                }
            }
        }
        Path networkLogs = TestNetwork.configPath().toAbsolutePath().getParent().resolve("logs");
        List<Path> logs = new ArrayList<>(List.of(dir.resolve("zhuhai-node.log"), dir.resolve("macau-node.log")));
        try (Stream<Path> files = Files.list(networkLogs)) {
            files.filter(Files::isRegularFile).forEach(logs::add);
        }
        for (Path log : logs) {
            scan(search, log, "log " + log.getFileName(), hits);
        }
        for (String output : OUTPUTS) {
            search.find(output).forEach(hit -> hits.add("gbx printed an identifier asked about"));
        }
        Path holder = dir.resolve("zhuhai");
        try (Stream<Path> files = Files.walk(holder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // The holder's own records hold its own identifiers, hits included; nothing else may.
                boolean records = file.getFileName().toString().startsWith("records.");
                scan(records ? absentSearch : search, file, "holder file " + holder.relativize(file), hits);
            }
        }
        Path positive = Files.writeString(dir.resolve("planted.txt"), "x" + ASKED.iterator().next() + "y");
        List<String> planted = new ArrayList<>();
        scan(search, positive, "planted", planted);
        assertThat(planted).as("the scan finds a planted identifier").isNotEmpty();
        System.out.printf("lookup scan: %d identifier forms, %d logs, %d outputs, holder folder: %d hits%n",
                forms.size(), logs.size(), OUTPUTS.size(), hits.size());
        assertThat(hits).isEmpty();
    }

    private static void scan(IdentifierSearch search, Path file, String what, List<String> hits) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (String text : List.of(new String(bytes, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.ISO_8859_1))) {
            search.find(text).forEach(hit -> hits.add(what + " holds an identifier asked about (length " + hit.length() + ")"));
        }
    }

    /** {@code gbx lookup --json}; asserts a hit whose identity and crossing counts are the holder's, returns its lookup id. */
    private static String assertHit(String asker, String holder, String type, String id, int crossings) throws Exception {
        JsonNode answer = lookup(asker, holder, type, id);
        assertThat(answer.path("hit").asBoolean()).as(type + " held by " + holder).isTrue();
        assertThat(answer.path("counts").path("IDENTITY").asInt()).isEqualTo(1);
        if (crossings >= 0) {
            assertThat(answer.path("counts").path("BORDER_CROSSINGS").asInt(0)).isEqualTo(crossings);
        }
        return answer.path("lookup").path("lookupId").asText();
    }

    private static void assertNoHit(String asker, String holder, String type, String id) throws Exception {
        ABSENT.add(id);
        JsonNode answer = lookup(asker, holder, type, id);
        assertThat(answer.path("hit").asBoolean()).as(type + " not held by " + holder).isFalse();
        assertThat(answer.path("counts").size()).isZero();
    }

    private static JsonNode lookup(String asker, String holder, String type, String id) throws Exception {
        ASKED.add(id);
        Path data = dir.resolve(asker);
        int holderPort = (holder.equals("zhuhai") ? zhuhaiPort : macauPortOf()) + 1;
        Run run = gbx(asker, "liaison1", "--json", "lookup", "--target", holder, "--id-type", type, "--id", id,
                "--purpose", "Identify a suspect in a fraud case", "--legal-basis", "Liaison arrangement art. 3",
                "--data", data.toString(), "--holder-node", "127.0.0.1:" + holderPort);
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode answer = JSON.readTree(run.out());
        LookupRecord onLedger;
        try (LedgerConnection connection = TestNetwork.connect(asker.equals("macau") ? TestNetwork.MACAU_LIAISON
                : TestNetwork.ZHUHAI_LIAISON)) {
            onLedger = LookupLedger.over(connection).getLookup(answer.path("lookup").path("lookupId").asText());
        }
        assertThat(onLedger.idType()).isEqualTo(IdentifierType.fromOptionName(type).orElseThrow().name());
        assertThat(onLedger.holderOrg()).isEqualTo(holder.equals("zhuhai") ? ZHUHAI : MACAU);
        System.out.printf("lookup %s -> %s (%s): %s, ledger %d ms, answer %d ms%n", asker, holder, type,
                answer.path("hit").asBoolean() ? "hit" : "no hit", answer.path("ledgerMillis").asLong(),
                answer.path("answerMillis").asLong());
        return answer;
    }

    private static int macauPortOf() throws IOException {
        String log = macauNode.log();
        int at = log.indexOf("serving packages on 127.0.0.1:");
        String rest = log.substring(at + "serving packages on 127.0.0.1:".length());
        return Integer.parseInt(rest.replaceAll("(?s)^(\\d+).*", "$1"));
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run gbx(String org, String user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--org", org, "--user", user, "--lang", "en"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Gbx.run(all.toArray(String[]::new), Map.of("GBX_CONFIG", config.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        OUTPUTS.add(run.out());
        OUTPUTS.add(run.err());
        return run;
    }

    private static String value(RecordsDatabase database, String sql) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getString(1);
        }
    }

    private static int crossingsOf(RecordsDatabase database, String idNumber) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM "
                + "border_crossing x JOIN person p ON p.person_id = x.person_id WHERE p.id_number = ?")) {
            s.setString(1, idNumber);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** A valid mainland ID of a person born on a day nobody in the seeded records was. */
    private static String absentMainlandId() {
        return MainlandIdNumber.of("440402", java.time.LocalDate.of(1949, 10, 1), 777);
    }

    private static String absentMacauId(RecordsDatabase database) throws Exception {
        for (int n = 5000000; ; n++) {
            String candidate = n + "(" + (n % 10) + ")";
            try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM person WHERE id_number = ?")) {
                s.setString(1, candidate);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) == 0) {
                        return candidate;
                    }
                }
            }
        }
    }
}
