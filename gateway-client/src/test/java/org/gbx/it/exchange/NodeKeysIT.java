package org.gbx.it.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gbx.client.cli.Gbx;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.DeliveryManifest;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.GrantTerms;
import org.gbx.client.model.SealedDetails;
import org.gbx.client.model.Status;
import org.gbx.client.nodeapi.NodeApiClient;
import org.gbx.client.nodeapi.NodeApiException;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.Subject;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.it.GbxCli;
import org.gbx.it.TestNetwork;
import org.gbx.it.TestNetwork.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each force's exchange node as the one keeper of its keys and received data, with both nodes as
 * separate {@code gbx node start} JVMs and the officers using {@code gbx} as they would: case
 * details readable by both forces' officers and never the committee; keys that survive a kill -9;
 * an access refused before it is written when the node cannot serve it; one node per data folder;
 * and after destruction, no key of the request left on either node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeKeysIT {

    private static final Duration KEY_TRAVEL = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static LedgerConnection macauLiaison;
    static LedgerConnection zhuhaiLiaison;
    static LedgerConnection zhuhaiApprover;
    static RecordsDatabase zhuhaiDb;
    static Path config;
    static int macauPort;
    static int macauApiPort;
    static int zhuhaiPort;
    static int zhuhaiApiPort;
    static NodeProcess macauNode;
    static NodeProcess zhuhaiNode;
    static String liveRequest;

    @BeforeAll
    static void startNodes() throws Exception {
        macauLiaison = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
        zhuhaiLiaison = TestNetwork.connect(TestNetwork.ZHUHAI_LIAISON);
        zhuhaiApprover = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER);
        zhuhaiDb = RecordsDatabase.embedded(new DataHome(dir.resolve("zhuhai")));
        new RecordsSeeder(zhuhaiDb).seed(ExchangeNodes.KEYS_ZHUHAI, n -> { });
        // Free ports are taken by the first run of each node and kept across its restarts.
        zhuhaiNode = startZhuhai();
        zhuhaiPort = zhuhaiNode.port();
        zhuhaiApiPort = zhuhaiNode.apiPort();
        macauNode = startMacau();
        macauPort = macauNode.port();
        macauApiPort = macauNode.apiPort();
        config = ExchangeNodes.configWithNodes(dir.resolve("config"),
                Map.of("macau", macauApiPort, "zhuhai", zhuhaiApiPort));
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {macauNode, zhuhaiNode, macauLiaison, zhuhaiLiaison,
            zhuhaiApprover}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private static NodeProcess startZhuhai() throws Exception {
        return NodeProcess.start(TestNetwork.ZHUHAI_LIAISON, dir.resolve("zhuhai"), zhuhaiPort, zhuhaiApiPort,
                Map.of("MacauPJMSP", "127.0.0.1:" + macauPort), dir.resolve("zhuhai-node.log"));
    }

    private static NodeProcess startMacau() throws Exception {
        return NodeProcess.start(TestNetwork.MACAU_LIAISON, dir.resolve("macau"), macauPort, macauApiPort,
                Map.of("ZhuhaiPSBMSP", "127.0.0.1:" + zhuhaiPort), dir.resolve("macau-node.log"));
    }

    @Test
    @Order(1)
    void case_details_reach_both_forces_liaison_and_approver_through_gbx_and_never_the_committee() throws Exception {
        Subject subject = ExchangeNodes.subjectWith(zhuhaiDb, "border_crossing");
        liveRequest = create(subject);
        zhuhaiNode.awaitLogLine("case-details key of request " + liveRequest + " matches the ledger", KEY_TRAVEL);

        for (User officer : List.of(TestNetwork.MACAU_LIAISON, TestNetwork.MACAU_APPROVER, TestNetwork.ZHUHAI_LIAISON,
                TestNetwork.ZHUHAI_APPROVER)) {
            Run shown = gbx(officer, "request", "show", liveRequest, "--details");
            assertThat(shown.code()).as(officer + ": " + shown).isZero();
            assertThat(shown.out()).as(officer.toString()).contains(subject.idNumber());
        }
        Run committee = gbx(TestNetwork.OVERSIGHT_AUDITOR, "request", "show", liveRequest, "--details");
        assertThat(committee.code()).as(committee.toString()).isEqualTo(4);
        assertThat(committee.out() + committee.err()).doesNotContain(subject.idNumber());

        // The node's local API takes only this force's enrolled officers, and of those only liaison and approver.
        for (User outsider : List.of(TestNetwork.OVERSIGHT_AUDITOR, TestNetwork.MACAU_LIAISON)) {
            try (NodeApiClient intruder = clientTrustingZhuhaisNode(outsider)) {
                assertThatThrownBy(() -> intruder.detailsKey(liveRequest)).as(outsider + " at Zhuhai's node")
                        .isInstanceOfSatisfying(NodeApiException.class,
                                e -> assertThat(e.reason()).isEqualTo(NodeApiException.Reason.UNREACHABLE));
            }
        }
        try (NodeApiClient admin = ExchangeNodes.officer(TestNetwork.ZHUHAI_ADMIN, zhuhaiApiPort)) {
            assertThatThrownBy(() -> admin.detailsKey(liveRequest)).isInstanceOfSatisfying(NodeApiException.class,
                    e -> assertThat(e.reason()).isEqualTo(NodeApiException.Reason.NOT_ALLOWED));
        }

        // What the peers hold, read raw: only the sealed envelope, whose hash is the ledger's detailsHash.
        byte[] stored = zhuhaiLiaison.contract().evaluateTransaction("GetPrivateDetails", liveRequest);
        assertThat(new String(stored, StandardCharsets.UTF_8)).startsWith("{\"ciphertext\":\"")
                .doesNotContain(subject.idNumber());
        assertThat(SealedDetails.parse(stored).sha256Hex())
                .isEqualTo(ExchangeLedger.over(zhuhaiLiaison).getRequest(liveRequest).detailsHash());
    }

    @Test
    @Order(2)
    void nodes_killed_and_restarted_keep_every_key_they_acknowledged() throws Exception {
        // Zhuhai's node dies; Macau's acknowledges the key of a new request, cannot pass it on, and dies too.
        zhuhaiNode.kill();
        Subject subject = ExchangeNodes.subjectWith(zhuhaiDb, "vehicle");
        String request = create(subject);
        macauNode.awaitLogLine("case-details key of request " + request + " matches the ledger", KEY_TRAVEL);
        macauNode.kill();
        zhuhaiNode = startZhuhai();
        macauNode = startMacau();

        // Both still hold the earlier request's key, and the new one reaches Zhuhai's node.
        assertThat(gbx(TestNetwork.ZHUHAI_APPROVER, "request", "show", liveRequest, "--details").code()).isZero();
        assertThat(gbx(TestNetwork.MACAU_LIAISON, "request", "show", liveRequest, "--details").code()).isZero();
        zhuhaiNode.awaitLogLine("case-details key of request " + request + " matches the ledger", KEY_TRAVEL);
        Run shown = gbx(TestNetwork.ZHUHAI_LIAISON, "request", "show", request, "--details");
        assertThat(shown.code()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains(subject.idNumber());
    }

    @Test
    @Order(3)
    void an_access_the_node_cannot_serve_is_refused_before_anything_is_written() throws Exception {
        String request = createAbout(GbxCli.caseDetailsFile(dir));
        Instant now = Instant.now();
        ExchangeLedger.over(zhuhaiApprover).approveRequest(request, new GrantTerms(List.of(DataCategory.IDENTITY),
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), 3, "H1 applies"));
        // The ledger says received, but no package ever reached Macau's node.
        awaitStatus(zhuhaiLiaison, request, Status.PARTIALLY_APPROVED);
        String hash = "0".repeat(63) + "1";
        ExchangeLedger.over(zhuhaiLiaison).recordDelivery(request, new DeliveryManifest(hash, "0".repeat(64), 1, 1, "B",
                2, List.of(DataCategory.IDENTITY)));
        awaitStatus(macauLiaison, request, Status.DELIVERED);
        ExchangeLedger.over(macauLiaison).recordReceipt(request, hash);

        Run noPackage = gbx(TestNetwork.MACAU_LIAISON, "access", request, "--justification", "Check the crossing");
        assertThat(noPackage.code()).as(noPackage.toString()).isEqualTo(2);
        assertThat(noPackage.err()).contains("holds no verified package", "no access was used");
        Run blank = gbx(TestNetwork.MACAU_LIAISON, "access", request, "--justification", "  ");
        assertThat(blank.code()).as(blank.toString()).isEqualTo(2);
        macauNode.kill();
        Run nodeDown = gbx(TestNetwork.MACAU_LIAISON, "access", request, "--justification", "Check the crossing");
        macauNode = startMacau();
        assertThat(nodeDown.code()).as(nodeDown.toString()).isEqualTo(2);
        assertThat(nodeDown.err()).contains("does not answer", "Nothing was recorded");

        ExchangeRequest onLedger = ExchangeLedger.over(macauLiaison).getRequest(request);
        assertThat(onLedger.accessCount()).as("accesses on the ledger").isZero();
        assertThat(ExchangeLedger.over(macauLiaison).listAccesses(request)).isEmpty();
    }

    @Test
    @Order(4)
    void a_second_node_on_the_same_data_refuses_to_start_naming_the_first_until_the_first_dies() throws Exception {
        NodeProcess second = NodeProcess.launch(TestNetwork.MACAU_LIAISON, dir.resolve("macau"), 0, 0, Map.of(),
                dir.resolve("second-node.log"));
        assertThat(second.awaitExit(Duration.ofSeconds(90))).as(second.log()).isEqualTo(2);
        assertThat(second.log()).contains("is in use by another exchange node (pid " + macauNode.pid() + ")");
        Run seed = gbx(TestNetwork.MACAU_LIAISON, "records", "seed", "--size", "5", "--data",
                dir.resolve("macau").toString());
        assertThat(seed.code()).as(seed.toString()).isEqualTo(2);
        assertThat(seed.err()).contains("pid " + macauNode.pid());

        macauNode.kill(); // the kernel releases the lock of a process killed by -9
        macauNode = startMacau();
        assertThat(macauNode.logOfThisRun()).contains("serving packages on 127.0.0.1:" + macauPort);
    }

    @Test
    @Order(5)
    void after_destruction_neither_node_holds_any_key_of_the_request() throws Exception {
        Subject subject = ExchangeNodes.subjectWith(zhuhaiDb, "border_crossing");
        String request = create(subject);
        Run approved = gbx(TestNetwork.ZHUHAI_APPROVER, "request", "approve", request, "--categories",
                "BORDER_CROSSINGS", "--expires", "7d", "--destroy-by", "14d", "--max-accesses", "2");
        assertThat(approved.code()).as(approved.toString()).isZero();
        awaitStatus(macauLiaison, request, Status.RECEIVED);
        Run access = gbx(TestNetwork.MACAU_LIAISON, "access", request, "--justification", "Match the crossings");
        assertThat(access.code()).as(access.toString()).isZero();
        assertThat(access.out()).contains("Record 1 of", "Port").doesNotContain("{\"category\"");

        Run destroyed = gbx(TestNetwork.MACAU_LIAISON, "destroy", request);
        assertThat(destroyed.code()).as(destroyed.toString()).isZero();
        for (NodeProcess node : List.of(macauNode, zhuhaiNode)) {
            node.awaitLogLine("every key of request " + request + " erased", KEY_TRAVEL);
        }

        for (User officer : List.of(TestNetwork.MACAU_LIAISON, TestNetwork.ZHUHAI_LIAISON)) {
            int apiPort = officer.org().equals("macau") ? macauApiPort : zhuhaiApiPort;
            try (NodeApiClient node = ExchangeNodes.officer(officer, apiPort)) {
                assertThatThrownBy(() -> node.detailsKey(request)).as(officer.org() + "'s node")
                        .isInstanceOfSatisfying(NodeApiException.class,
                                e -> assertThat(e.reason()).isEqualTo(NodeApiException.Reason.NOT_HELD));
            }
            List<Path> keyFiles = keyStoreFiles(officer.org());
            assertThat(keyFiles).as("one key-encryption key and one key file").hasSize(2);
            for (Path keyFile : keyFiles) {
                assertThat(new String(Files.readAllBytes(keyFile), StandardCharsets.ISO_8859_1)).as(keyFile.toString())
                        .doesNotContain(request);
            }
        }
        assertThat(dir.resolve("zhuhai/outbox").resolve(request)).doesNotExist();
        assertThat(dir.resolve("macau/received").resolve(request)).doesNotExist();
        Run purged = gbx(TestNetwork.ZHUHAI_APPROVER, "request", "show", request, "--details");
        assertThat(purged.code()).as(purged.toString()).isEqualTo(4);
    }

    /** {@code user}'s own enrolment certificate, presented to Zhuhai's node, whose TLS certificate it trusts. */
    private static NodeApiClient clientTrustingZhuhaisNode(User user) {
        Path msp = TestNetwork.config().requireOrganisation(user.org()).mspFolder(user.name());
        return NodeApiClient.connect("127.0.0.1:" + zhuhaiApiPort, msp.resolve("signcerts").resolve("cert.pem"),
                msp.resolve("keystore").resolve("key.pem"),
                ChannelTrust.of(TestNetwork.config()).tlsCas("ZhuhaiPSBMSP"));
    }

    private static List<Path> keyStoreFiles(String org) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(org).resolve("node").resolve("keys"))) {
            return files.toList();
        }
    }

    private static String create(Subject subject) throws IOException {
        return createAbout(Files.writeString(dir.resolve("details-" + subject.idNumber().hashCode() + ".json"),
                ExchangeNodes.details(subject)));
    }

    private static String createAbout(Path details) {
        String id = TestNetwork.uniqueId("keys");
        Run created = gbx(TestNetwork.MACAU_LIAISON, "request", "create", "--id", id, "--target", "zhuhai",
                "--purpose", "Trace the movements of a fraud suspect", "--legal-basis", "Liaison agreement 2024, art. 3",
                "--categories", "IDENTITY,BORDER_CROSSINGS,VEHICLES", "--urgency", "URGENT", "--details",
                details.toString());
        assertThat(created.code()).as(created.toString()).isZero();
        return id;
    }

    private static void awaitStatus(LedgerConnection reader, String requestId, Status status) throws Exception {
        Instant end = Instant.now().plus(Duration.ofMinutes(2));
        Status seen = null;
        while (Instant.now().isBefore(end)) {
            try {
                seen = ExchangeLedger.over(reader).getRequest(requestId).status();
            } catch (org.gbx.client.ledger.ChaincodeRefusalException notYet) {
                seen = null;
            }
            if (seen == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(requestId + " is " + seen + ", not " + status + ", after 2 minutes\n--- Zhuhai's node\n"
                + zhuhaiNode.log() + "\n--- Macau's node\n" + macauNode.log());
    }

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run gbx(User user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--org", user.org(), "--user", user.name(), "--lang", "en"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Gbx.run(all.toArray(String[]::new), Map.of("GBX_CONFIG", config.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
