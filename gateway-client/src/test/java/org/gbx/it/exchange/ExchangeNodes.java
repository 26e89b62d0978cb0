package org.gbx.it.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.gbx.client.config.Organisation;
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
import org.gbx.client.transfer.NodeTls;
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
    static final List<SeedPlan> ALL_PLANS = List.of(NODES_ZHUHAI, NODES_MACAU, TAMPERED_ZHUHAI,
            PROCESSES_ZHUHAI, PROCESSES_MACAU, SCAN_ZHUHAI, SCAN_MACAU, EVIDENCE_ZHUHAI, LOOKUP_ZHUHAI, LOOKUP_MACAU);

    private ExchangeNodes() {
    }

    /** What a node reported, per request, for the tests to wait on. */
    public static final class Outcomes implements NodeListener {
        public final Map<String, CompletableFuture<String>> delivered = new ConcurrentHashMap<>();
        public final Map<String, CompletableFuture<String>> received = new ConcurrentHashMap<>();
        public final Map<String, CompletableFuture<String>> rejected = new ConcurrentHashMap<>();
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
        return new NodeSettings(0, nodeTls(org), peerNodes, "B", 2, chunkSize, Duration.ofMinutes(5), 5,
                Duration.ofSeconds(2), 5, OptionalLong.empty());
    }

    public static ExchangeNode start(LedgerConnection connection, RecordsDatabase database, NodeSettings settings,
            NodeListener listener) throws IOException {
        return ExchangeNode.start(connection, database, settings, listener);
    }

    /**
     * Macau's liaison asks Zhuhai about {@code subject}; Zhuhai's approver grants {@code granted}.
     * Retried for a few seconds while a force is suspended: another IT on the shared network
     * suspends a force and lifts it at once.
     */
    public static String requestAndGrant(LedgerConnection macauLiaison, LedgerConnection zhuhaiApprover, String idPrefix,
            Subject subject, List<DataCategory> asked, List<DataCategory> granted) throws InterruptedException {
        String requestId = TestNetwork.uniqueId(idPrefix);
        whileSuspended(() -> ExchangeLedger.over(macauLiaison).createRequest(requestId, new NewRequest("ZhuhaiPSBMSP",
                "Trace the movements of a fraud suspect", "Liaison agreement 2024, art. 3", HandlingCode.H1, null,
                asked, Urgency.URGENT, 30), CaseDetails.of(details(subject))));
        Instant now = Instant.now();
        whileSuspended(() -> ExchangeLedger.over(zhuhaiApprover).approveRequest(requestId, new GrantTerms(granted,
                now.plus(2, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS), 3, "H1 applies")));
        return requestId;
    }

    private static void whileSuspended(Runnable submit) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                submit.run();
                return;
            } catch (ChaincodeRefusalException e) {
                if (!"ORG_SUSPENDED".equals(e.code()) || attempt == 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
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

    static String details(Subject subject) {
        return "{\"narrative\":\"Suspected cross-border fraud\",\"subjects\":[{\"idNumber\":\""
                + subject.idNumber() + "\",\"idType\":\"" + subject.idType() + "\"}]}";
    }
}
