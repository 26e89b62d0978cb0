package org.gbx.it.exchange;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import org.gbx.client.config.Organisation;
import org.gbx.client.crypto.DetailsSealing;
import org.gbx.client.crypto.RequestKey;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.GrantTerms;
import org.gbx.client.model.HandlingCode;
import org.gbx.client.model.NewRequest;
import org.gbx.client.model.Urgency;
import org.gbx.client.node.ExchangeNode;
import org.gbx.client.node.NodeListener;
import org.gbx.client.node.NodeSettings;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.SeedPlan;
import org.gbx.client.records.Subject;
import org.gbx.client.records.IdType;
import org.gbx.client.nodeapi.NodeApiClient;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.DetailsKeySender;
import org.gbx.client.transfer.NodeTls;
import org.gbx.client.usecase.RequestCreation;
import org.gbx.it.Await;
import org.gbx.it.TestNetwork;

/**
 * Helpers for the exchange-node integration tests: nodes run in this JVM on free ports, each
 * force with its own data folder, using the node TLS certificates {@code network.sh up} enrolled
 * at each force's TLS CA (config {@code exchangeNode.tlsDir}).
 */
public final class ExchangeNodes {

    /*
     * Every exchange IT's seed plan, here so that PersonalDataScanIT can re-seed them (seeding is
     * deterministic) and know every identifier these tests sent through a lifecycle.
     */
    static final SeedPlan NODES_ZHUHAI = new SeedPlan("zhuhai", IdType.MAINLAND_RIC, 80, 20_000, 7);
    static final SeedPlan NODES_MACAU = new SeedPlan("macau", IdType.MACAU_BIR, 20, 20_000, 7);
    static final SeedPlan TAMPERED_ZHUHAI = new SeedPlan("zhuhai", IdType.MAINLAND_RIC, 80, 5 * 4096 + 100, 11);
    static final SeedPlan PROCESSES_ZHUHAI = new SeedPlan("zhuhai", IdType.MAINLAND_RIC, 40, 4096, 23);
    static final SeedPlan PROCESSES_MACAU = new SeedPlan("macau", IdType.MACAU_BIR, 5, 4096, 23);
    static final SeedPlan SCAN_ZHUHAI = new SeedPlan("zhuhai", IdType.MAINLAND_RIC, 60, 4096, 31);
    static final SeedPlan SCAN_MACAU = new SeedPlan("macau", IdType.MACAU_BIR, 20, 4096, 31);
    public static final SeedPlan EVIDENCE_ZHUHAI = new SeedPlan("zhuhai", IdType.MAINLAND_RIC, 30, 3 * 4096 + 10, 41);
    static final SeedPlan LOOKUP_ZHUHAI = new SeedPlan("zhuhai", IdType.MAINLAND_RIC, 60, 1024, 53);
    static final SeedPlan LOOKUP_MACAU = new SeedPlan("macau", IdType.MACAU_BIR, 30, 1024, 53);
    public static final SeedPlan FORCE_NODES_ZHUHAI = new SeedPlan("zhuhai", IdType.MAINLAND_RIC, 30, 2048, 67);
    static final SeedPlan KEYS_ZHUHAI = new SeedPlan("zhuhai", IdType.MAINLAND_RIC, 30, 2048, 59);
    static final List<SeedPlan> ALL_PLANS = List.of(NODES_ZHUHAI, NODES_MACAU, TAMPERED_ZHUHAI,
            PROCESSES_ZHUHAI, PROCESSES_MACAU, SCAN_ZHUHAI, SCAN_MACAU, EVIDENCE_ZHUHAI, LOOKUP_ZHUHAI, LOOKUP_MACAU,
            FORCE_NODES_ZHUHAI, KEYS_ZHUHAI);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExchangeNodes() {
    }

    /** What a node reported, per request, for the tests to wait on. */
    public static final class Outcomes implements NodeListener {

        public final Map<String, CompletableFuture<String>> delivered = new ConcurrentHashMap<>();
        public final Map<String, CompletableFuture<String>> received = new ConcurrentHashMap<>();
        public final Map<String, CompletableFuture<String>> rejected = new ConcurrentHashMap<>();
        public final Map<String, CompletableFuture<String>> keyConfirmed = new ConcurrentHashMap<>();
        public final Map<String, CompletableFuture<String>> erased = new ConcurrentHashMap<>();
        public final Map<String, CompletableFuture<String>> noMatch = new ConcurrentHashMap<>();

        public static CompletableFuture<String> of(Map<String, CompletableFuture<String>> map, String requestId) {
            return map.computeIfAbsent(requestId, id -> new CompletableFuture<>());
        }

        @Override
        public void delivered(String requestId, String packageHash, String transactionId) {
            of(delivered, requestId).complete(packageHash);
        }

        @Override
        public void received(String requestId, String packageHash, String transactionId) {
            of(received, requestId).complete(packageHash);
        }

        @Override
        public void noMatch(String requestId, String transactionId) {
            of(noMatch, requestId).complete(transactionId);
        }

        @Override
        public void rejected(String requestId, String reason, String transactionId) {
            of(rejected, requestId).complete(reason);
        }

        @Override
        public void keyConfirmed(String requestId) {
            of(keyConfirmed, requestId).complete(requestId);
        }

        @Override
        public void keysErased(String requestId) {
            of(erased, requestId).complete(requestId);
        }
    }

    /** The force's exchange-node certificate from the config. */
    static NodeTls nodeTls(String org) {
        Organisation organisation = TestNetwork.config().requireOrganisation(org);
        return new NodeTls(organisation.exchangeNode().certificate(), organisation.exchangeNode().privateKey());
    }

    /** A peer's TLS certificate: for the committee, which runs no exchange node. */
    static NodeTls peerTls(String org) {
        Organisation organisation = TestNetwork.config().requireOrganisation(org);
        Path tls = organisation.usersPath().toAbsolutePath().getParent().resolve("peer").resolve("tls");
        return new NodeTls(tls.resolve("server.crt"), tls.resolve("server.key"));
    }

    public static NodeSettings settings(String org, Map<String, String> peerNodes, int chunkSize) {
        return new NodeSettings("127.0.0.1", 0, "127.0.0.1", 0, nodeTls(org), peerNodes, "B", 2, chunkSize,
                Duration.ofMinutes(5), 5,
                Duration.ofSeconds(2), 5, OptionalLong.empty());
    }

    /** {@code user}'s connection to a node's local API on this machine, as gbx opens it. */
    public static NodeApiClient officer(TestNetwork.User user, int apiPort) {
        Organisation organisation = TestNetwork.config().requireOrganisation(user.org());
        Path msp = organisation.mspFolder(user.name());
        return NodeApiClient.connect("127.0.0.1:" + apiPort, msp.resolve("signcerts").resolve("cert.pem"),
                msp.resolve("keystore").resolve("key.pem"), ChannelTrust.of(TestNetwork.config()).tlsCas(
                        organisation.mspId()));
    }

    /**
     * A copy of the network's connection config whose forces' {@code exchangeNode.api} name the
     * given local API ports, so that gbx commands reach the test's nodes.
     *
     * @param apiPorts organisation key to port
     */
    public static Path configWithNodes(Path dir, Map<String, Integer> apiPorts) throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(TestNetwork.configPath().toFile());
        for (JsonNode organisation : config.withArray("organisations")) {
            Integer port = apiPorts.get(organisation.path("key").asText());
            if (port != null) {
                ((ObjectNode) organisation.get("exchangeNode")).put("api", "127.0.0.1:" + port);
            }
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("gbx-network.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config);
        return file;
    }

    public static ExchangeNode start(LedgerConnection connection, RecordsDatabase database, NodeSettings settings,
            NodeListener listener) throws IOException {
        return ExchangeNode.start(connection, database, settings, listener);
    }

    /**
     * Macau's liaison asks Zhuhai about {@code subject}, as gbx does (details sealed, the key to
     * Macau's node at {@code macauApiPort}, which hands it to Zhuhai's); Zhuhai's approver grants
     * {@code granted}. Retried for a few seconds while a force is suspended: another IT on the
     * shared network suspends a force and lifts it at once.
     */
    public static String requestAndGrant(LedgerConnection macauLiaison, int macauApiPort,
            LedgerConnection zhuhaiApprover, String idPrefix, Subject subject, List<DataCategory> asked,
            List<DataCategory> granted) throws InterruptedException {
        String requestId = TestNetwork.uniqueId(idPrefix);
        try (NodeApiClient macauNode = officer(TestNetwork.MACAU_LIAISON, macauApiPort)) {
            whileSuspended(() -> new RequestCreation(ExchangeLedger.over(macauLiaison), macauNode).create(requestId,
                    terms(asked), CaseDetails.of(details(subject)), "MacauPJMSP"));
        }
        grant(zhuhaiApprover, requestId, granted);
        return requestId;
    }

    /** A request the test created itself, and the key of its case details that it keeps. */
    record Handed(String requestId, RequestKey key) {
    }

    /**
     * The same without a Macau node: the test seals the details and hands the key to Zhuhai's node
     * itself, with Macau's node certificate, as Macau's node would; it keeps the key for a Macau
     * node started later.
     */
    static Handed requestAndGrantHandingTheKeyTo(int zhuhaiNodePort, LedgerConnection macauLiaison,
            LedgerConnection zhuhaiApprover, String idPrefix, Subject subject, List<DataCategory> asked,
            List<DataCategory> granted) throws InterruptedException {
        String requestId = TestNetwork.uniqueId(idPrefix);
        DetailsSealing.Sealing sealing = DetailsSealing.seal(requestId, CaseDetails.of(details(subject)));
        whileSuspended(() -> ExchangeLedger.over(macauLiaison).createRequest(requestId, terms(asked), sealing.sealed()));
        new DetailsKeySender(nodeTls("macau"), ChannelTrust.of(TestNetwork.config()), Duration.ofSeconds(20))
                .share("127.0.0.1:" + zhuhaiNodePort, "ZhuhaiPSBMSP", requestId, sealing.key());
        grant(zhuhaiApprover, requestId, granted);
        return new Handed(requestId, sealing.key());
    }

    private static NewRequest terms(List<DataCategory> asked) {
        return new NewRequest("ZhuhaiPSBMSP", "Trace the movements of a fraud suspect", "Liaison agreement 2024, art. 3",
                HandlingCode.H1, null, asked, Urgency.URGENT, 30);
    }

    private static void grant(LedgerConnection zhuhaiApprover, String requestId, List<DataCategory> granted)
            throws InterruptedException {
        Instant now = Instant.now();
        whileSuspended(() -> ExchangeLedger.over(zhuhaiApprover).approveRequest(requestId, new GrantTerms(granted,
                now.plus(2, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS), 3, "H1 applies")));
    }

    private static void whileSuspended(Runnable submit) {
        Await.until("the submission to pass while another test suspends a force", () -> {
            try {
                submit.run();
                return Optional.of(true);
            } catch (ChaincodeRefusalException e) {
                if (!"ORG_SUSPENDED".equals(e.code())) {
                    throw e;
                }
                return Optional.empty();
            }
        });
    }

    /** A person in the database who has at least one row in each of the given tables. */
    public static Subject subjectWith(RecordsDatabase database, String... tables) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT p.id_type, p.id_number FROM person p WHERE 1=1");
        for (String table : tables) {
            sql.append(" AND EXISTS (SELECT 1 FROM ").append(table).append(" t WHERE t.person_id = p.person_id)");
        }
        sql.append(" ORDER BY p.person_id");
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql.toString())) {
            if (!r.next()) {
                throw new IllegalStateException("no seeded person has rows in all of " + String.join(", ", tables));
            }
            return new Subject(IdType.valueOf(r.getString(1)), r.getString(2));
        }
    }

    public static String details(Subject subject) {
        return "{\"narrative\":\"Suspected cross-border fraud\",\"subjects\":[{\"idNumber\":\""
                + subject.idNumber() + "\",\"idType\":\"" + subject.idType() + "\"}]}";
    }

    /** Free ports p whose neighbour p + 1 (the node's lookup service) is free too, none the neighbour of another. */
    static int[] freePortPairs(int count) throws IOException {
        int[] ports = new int[count];
        for (int i = 0; i < count; ) {
            try (ServerSocket first = new ServerSocket(0)) {
                int port = first.getLocalPort();
                boolean neighbour = false;
                for (int j = 0; j < i; j++) {
                    neighbour |= Math.abs(ports[j] - port) <= 1;
                }
                try (ServerSocket second = new ServerSocket(port + 1)) {
                    if (!neighbour) {
                        ports[i++] = port;
                    }
                } catch (IOException taken) {
                    // try another pair
                }
            }
        }
        return ports;
    }
}
