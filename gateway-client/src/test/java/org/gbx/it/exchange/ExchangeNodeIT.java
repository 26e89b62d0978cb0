package org.gbx.it.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.delivery.ExpectedDelivery;
import org.gbx.client.delivery.IncomingPackage;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Status;
import org.gbx.client.node.ExchangeNode;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.ReceivedStore;
import org.gbx.client.records.RecordSelector;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.Subject;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.PackageFetcher;
import org.gbx.client.transfer.TransferFailedException;
import org.gbx.client.transfer.TransferListener;
import org.gbx.client.records.IdType;
import org.gbx.it.GbxCli;
import org.gbx.it.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real exchange nodes on the real network: Macau asks Zhuhai, Zhuhai's approver grants part,
 * Zhuhai's node delivers, Macau's node verifies and stores. With {@code GBX_TEST_PG_URL} set
 * (scripts/lib/postgres.sh start), Zhuhai's records database is that PostgreSQL.
 */
class ExchangeNodeIT {

    @TempDir
    static Path dir;
    static LedgerConnection macauConnection;
    static LedgerConnection zhuhaiConnection;
    static LedgerConnection zhuhaiApprover;
    static RecordsDatabase macauDb;
    static RecordsDatabase zhuhaiDb;
    static ExchangeNode zhuhaiNode;
    static ExchangeNode macauNode;
    static final ExchangeNodes.Outcomes ZHUHAI = new ExchangeNodes.Outcomes();
    static final ExchangeNodes.Outcomes MACAU = new ExchangeNodes.Outcomes();

    @BeforeAll
    static void startNodes() throws Exception {
        macauConnection = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
        zhuhaiConnection = TestNetwork.connect(TestNetwork.ZHUHAI_LIAISON);
        zhuhaiApprover = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER);
        String postgres = System.getenv("GBX_TEST_PG_URL");
        if (postgres != null && postgres.isBlank()) {
            throw new IllegalStateException("GBX_TEST_PG_URL is set but empty: did scripts/lib/postgres.sh start fail?");
        }
        zhuhaiDb = RecordsDatabase.open(new DataHome(dir.resolve("zhuhai")), postgres, null, null);
        macauDb = RecordsDatabase.embedded(new DataHome(dir.resolve("macau")));
        new RecordsSeeder(zhuhaiDb).seed(ExchangeNodes.NODES_ZHUHAI, n -> { });
        new RecordsSeeder(macauDb).seed(ExchangeNodes.NODES_MACAU, n -> { });
        zhuhaiNode = ExchangeNodes.start(zhuhaiConnection, zhuhaiDb,
                ExchangeNodes.settings("zhuhai", Map.of(), 4096), ZHUHAI);
        macauNode = ExchangeNodes.start(macauConnection, macauDb, ExchangeNodes.settings("macau",
                Map.of("ZhuhaiPSBMSP", "127.0.0.1:" + zhuhaiNode.port()), 4096), MACAU);
    }

    @AfterAll
    static void stopNodes() {
        for (AutoCloseable closeable : new AutoCloseable[] {macauNode, zhuhaiNode, macauConnection, zhuhaiConnection,
            zhuhaiApprover}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort at the end of the suite
            }
        }
    }

    private static String requestAndGrant(Subject subject, List<DataCategory> asked, List<DataCategory> granted)
            throws InterruptedException {
        return ExchangeNodes.requestAndGrant(macauConnection, macauNode.apiPort(), zhuhaiApprover, "exchange", subject,
                asked, granted);
    }

    @Test
    void exactly_the_granted_categories_are_delivered_verified_and_stored() throws Exception {
        Subject subject = ExchangeNodes.subjectWith(zhuhaiDb, "border_crossing", "vehicle", "phone_subscription");
        String requestId = requestAndGrant(subject,
                List.of(DataCategory.BORDER_CROSSINGS, DataCategory.VEHICLES, DataCategory.TELECOM),
                List.of(DataCategory.BORDER_CROSSINGS, DataCategory.VEHICLES));

        String hash = ExchangeNodes.Outcomes.of(MACAU.received, requestId).get(90, TimeUnit.SECONDS);

        ExchangeRequest request = ExchangeLedger.over(macauConnection).getRequest(requestId);
        assertThat(request.status()).isEqualTo(Status.RECEIVED);
        assertThat(request.receipt().matches()).isTrue();
        assertThat(request.delivery().packageHash()).isEqualTo(hash);
        List<ReceivedStore.StoredRecord> stored = macauNode.received().records(requestId);
        int expected = new RecordSelector(zhuhaiDb).select(List.of(subject),
                EnumSet.of(DataCategory.BORDER_CROSSINGS, DataCategory.VEHICLES)).size();
        assertThat(stored).hasSize(expected);
        assertThat(stored).extracting(ReceivedStore.StoredRecord::category)
                .containsOnly("BORDER_CROSSINGS", "VEHICLES").contains("BORDER_CROSSINGS", "VEHICLES");
        assertThat(stored).allSatisfy(r -> assertThat(r.canonicalJson()).contains(subject.idNumber()));
    }

    @Test
    void a_grant_that_matches_no_records_is_answered_on_the_ledger_and_the_requester_sees_it() throws Exception {
        Subject nobody = new Subject(IdType.MAINLAND_RIC, "44040219850101002X");
        assertThat(new RecordSelector(zhuhaiDb).select(List.of(nobody), EnumSet.allOf(DataCategory.class)))
                .as("a person Zhuhai holds nothing on").isEmpty();
        String requestId = requestAndGrant(nobody, List.of(DataCategory.IDENTITY, DataCategory.VEHICLES),
                List.of(DataCategory.IDENTITY));

        ExchangeNodes.Outcomes.of(ZHUHAI.noMatch, requestId).get(90, TimeUnit.SECONDS);

        GbxCli.Result shown = GbxCli.as(TestNetwork.MACAU_LIAISON, "request", "show", requestId);
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).as(shown.toString()).containsPattern("Status +no matching records")
                .contains("Zhuhai PSB found no records matching the grant (identity); nothing will be delivered.");
        GbxCli.Result chinese = GbxCli.as(TestNetwork.MACAU_LIAISON, "request", "show", requestId, "--lang", "zh-Hant");
        assertThat(chinese.out()).as(chinese.toString()).contains("查無記錄").contains("珠海市公安局查無符合授權的記錄（身分資料）");
        GbxCli.Result history = GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "request", "history", requestId);
        assertThat(history.out()).as(history.toString()).contains("no records match the grant");
        GbxCli.Result listed = GbxCli.as(TestNetwork.MACAU_LIAISON, "request", "list", "--status", "NO_MATCH", "--json");
        assertThat(listed.json().findValuesAsText("requestId")).contains(requestId);
        assertThat(macauNode.received().records(requestId)).as("nothing was delivered").isEmpty();
    }

    @Test
    void a_clip_of_several_chunks_arrives_intact() throws Exception {
        Subject subject = ExchangeNodes.subjectWith(zhuhaiDb, "cctv_clip");
        String requestId = requestAndGrant(subject, List.of(DataCategory.CCTV), List.of(DataCategory.CCTV));
        ExchangeNodes.Outcomes.of(MACAU.received, requestId).get(90, TimeUnit.SECONDS);
        List<ReceivedStore.StoredRecord> stored = macauNode.received().records(requestId);
        assertThat(stored).isNotEmpty().allSatisfy(r -> {
            assertThat(r.clip()).isPresent();
            assertThat(Files.size(r.clip().get())).isEqualTo(20_000);
        });
    }

    @Test
    void the_committee_and_a_self_made_certificate_can_neither_connect_nor_receive() throws Exception {
        Subject subject = ExchangeNodes.subjectWith(zhuhaiDb, "vehicle");
        String requestId = requestAndGrant(subject, List.of(DataCategory.VEHICLES), List.of(DataCategory.VEHICLES));
        String hash = ExchangeNodes.Outcomes.of(ZHUHAI.delivered, requestId).get(90, TimeUnit.SECONDS);
        ExchangeRequest request = ExchangeLedger.over(zhuhaiConnection).getRequest(requestId);
        ExpectedDelivery expected = new ExpectedDelivery(requestId, "ZhuhaiPSBMSP", "OversightMSP", hash,
                request.delivery().merkleRoot(), (int) request.delivery().recordCount(), request.delivery().sizeBytes(),
                List.of("VEHICLES"));
        ChannelTrust trust = ChannelTrust.of(TestNetwork.config());

        for (var tls : List.of(ExchangeNodes.peerTls("oversight"), selfMade())) {
            IncomingPackage incoming = IncomingPackage.open(dir.resolve("intruder"), expected, trust.enrolmentCas("ZhuhaiPSBMSP"));
            PackageFetcher intruder = new PackageFetcher(tls, trust, Duration.ofSeconds(20), 1, Duration.ofMillis(100));
            assertThatThrownBy(() -> intruder.fetch("127.0.0.1:" + zhuhaiNode.port(), "ZhuhaiPSBMSP", requestId,
                    incoming, TransferListener.NONE)).isInstanceOf(TransferFailedException.class);
            assertThat(incoming.hasManifest()).isFalse();
        }
    }

    private static org.gbx.client.transfer.NodeTls selfMade() throws Exception {
        var ca = org.gbx.client.testing.TestPki.certificateAuthority("self-made");
        Path[] files = org.gbx.client.testing.TestPki.leaf(ca, "intruder").writePem(dir.resolve("self-made"), "node");
        return new org.gbx.client.transfer.NodeTls(files[0], files[1]);
    }
}
