package org.gbx.it.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gbx.client.audit.chain.PeerBlockSource;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.delivery.DeliveryPackage;
import org.gbx.client.delivery.ManifestSigner;
import org.gbx.client.evidence.CaDirectory;
import org.gbx.client.evidence.EndorsementAsker;
import org.gbx.client.evidence.Endorser;
import org.gbx.client.evidence.EvidenceBundle;
import org.gbx.client.evidence.EvidenceCheck;
import org.gbx.client.evidence.EvidenceExporter;
import org.gbx.client.evidence.ReceivedRecordSource;
import org.gbx.client.evidence.EvidenceStatement;
import org.gbx.client.evidence.EvidenceVerdict;
import org.gbx.client.evidence.EvidenceVerifier;
import org.gbx.client.identity.UserIdentity;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.EndorsementSignature;
import org.gbx.client.node.ExchangeNode;
import org.gbx.client.records.DataHome;
import org.gbx.client.nodeapi.NodeApiClient;
import org.gbx.client.records.ReceivedStore;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.Subject;
import org.gbx.client.testing.TestPki;
import org.gbx.it.TestNetwork;
import org.gbx.it.exchange.ExchangeNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence endorsement (異地簽註) on the real network: a genuine delivery between the two forces'
 * exchange nodes, Macau's liaison asks, Zhuhai's approver endorses from its kept package, Macau
 * exports the bundle, and a "court" verifies it offline with the three CA certificates alone.
 */
class EvidenceBundleIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static LedgerConnection macauLiaison;
    static LedgerConnection zhuhaiLiaison;
    static LedgerConnection zhuhaiApprover;
    static RecordsDatabase macauDb;
    static RecordsDatabase zhuhaiDb;
    static String requestId;
    static List<ReceivedStore.StoredRecord> received;
    static byte[] genuine;
    static Path caDirectory;
    static ExchangeNode zhuhaiNode;
    static ExchangeNode macauNode;
    static NodeApiClient macauOfficer;
    /** The network's config with Macau's node's local API, for the gbx commands. */
    static Path config;

    @BeforeAll
    static void endorseAndExportARealDelivery() throws Exception {
        macauLiaison = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
        zhuhaiLiaison = TestNetwork.connect(TestNetwork.ZHUHAI_LIAISON);
        zhuhaiApprover = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER);
        zhuhaiDb = RecordsDatabase.embedded(new DataHome(dir.resolve("zhuhai")));
        macauDb = RecordsDatabase.embedded(new DataHome(dir.resolve("macau")));
        new RecordsSeeder(zhuhaiDb).seed(ExchangeNodes.EVIDENCE_ZHUHAI, n -> { });
        ExchangeNodes.Outcomes macau = new ExchangeNodes.Outcomes();
        zhuhaiNode = ExchangeNodes.start(zhuhaiLiaison, zhuhaiDb, ExchangeNodes.settings("zhuhai", Map.of(), 4096),
                new ExchangeNodes.Outcomes());
        macauNode = ExchangeNodes.start(macauLiaison, macauDb, ExchangeNodes.settings("macau",
                Map.of("ZhuhaiPSBMSP", "127.0.0.1:" + zhuhaiNode.port()), 4096), macau);
        macauOfficer = ExchangeNodes.officer(TestNetwork.MACAU_LIAISON, macauNode.apiPort());
        config = ExchangeNodes.configWithNodes(dir.resolve("config"), Map.of("macau", macauNode.apiPort()));
        // A clip's chunks are leaves too, so the tree has more leaves than records.
        Subject subject = ExchangeNodes.subjectWith(zhuhaiDb, "cctv_clip", "vehicle");
        List<DataCategory> categories = List.of(DataCategory.VEHICLES, DataCategory.CCTV);
        requestId = ExchangeNodes.requestAndGrant(macauLiaison, macauNode.apiPort(), zhuhaiApprover, "evidence",
                subject, categories, categories);
        ExchangeNodes.Outcomes.of(macau.received, requestId).get(120, TimeUnit.SECONDS);
        received = macauNode.received().records(requestId);
        assertThat(received).hasSizeGreaterThanOrEqualTo(2);
        String recordId = lastRecord().recordId();
        new EndorsementAsker(ExchangeLedger.over(macauLiaison), ReceivedRecordSource.of(macauOfficer))
                .ask(requestId, recordId);
        endorser().endorse(requestId, recordId);
        genuine = export(recordId).toBytes();
        caDirectory = EvidenceFixture.courtCaDirectory(dir.resolve("court-cas"));
    }

    @AfterAll
    static void close() {
        for (AutoCloseable closeable : new AutoCloseable[] {macauOfficer, macauNode, zhuhaiNode, macauLiaison,
            zhuhaiLiaison, zhuhaiApprover}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort at the end of the suite
            }
        }
    }

    private static ReceivedStore.StoredRecord lastRecord() {
        return received.get(received.size() - 1);
    }

    private static Endorser endorser() {
        return new Endorser(ExchangeLedger.over(zhuhaiApprover), new DataHome(dir.resolve("zhuhai")).outbox(),
                zhuhaiApprover.identity());
    }

    private static EvidenceBundle export(String recordId) {
        return new EvidenceExporter(ExchangeLedger.over(macauLiaison), ReceivedRecordSource.of(macauOfficer),
                new PeerBlockSource(macauLiaison.network(), "macau peer", Duration.ofSeconds(30)))
                .export(requestId, recordId);
    }

    private static EvidenceVerdict verify(byte[] bundle, Path cas) {
        return new EvidenceVerifier(CaDirectory.load(cas)).verify(bundle);
    }

    @Test
    void a_genuine_bundle_verifies_offline_with_the_three_ca_certificates_alone() {
        EvidenceVerdict verdict = verify(genuine, caDirectory);

        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.verified()).isTrue();
        assertThat(verdict.checks()).extracting(r -> r.check()).containsExactly(EvidenceCheck.values());
        assertThat(verdict.requestId()).isEqualTo(requestId);
        assertThat(verdict.ownerOrg()).isEqualTo("ZhuhaiPSBMSP");
        assertThat(verdict.requesterOrg()).isEqualTo("MacauPJMSP");
        assertThat(verdict.recordId()).isEqualTo(lastRecord().recordId());
        assertThat(verdict.signer()).contains("approver1");
        EvidenceStatement statement = EvidenceBundle.parse(genuine).statement();
        assertThat(statement.leafCount()).as("the clip's chunks are leaves of the tree too").isGreaterThan(received.size());
        assertThat(statement.record()).isEqualTo(lastRecord().canonicalJson());
    }

    @Test
    void every_altered_byte_fails_verification_with_a_reason() {
        List<Integer> positions = positionsToAlter(genuine);
        List<String> survivors = new ArrayList<>();
        for (int position : positions) {
            byte[] altered = genuine.clone();
            altered[position] ^= 0x01;
            EvidenceVerdict verdict = verify(altered, caDirectory);
            if (verdict.verified() || verdict.failures().stream().anyMatch(f -> f.findings().isEmpty())) {
                survivors.add(position + ":" + (char) genuine[position]);
            }
        }
        assertThat(positions).hasSizeGreaterThan(1000);
        assertThat(survivors).as("altered positions that still verified or failed without a reason").isEmpty();
    }

    /** Every byte outside the two base64 blocks, and a deterministic sample of 250 inside each block. */
    private static List<Integer> positionsToAlter(byte[] bundle) {
        String text = new String(bundle, StandardCharsets.US_ASCII);
        TreeSet<Integer> positions = new TreeSet<>();
        Random random = new Random(20261129);
        int[][] blocks = {span(text, "\"deliveryBlock\":\""), span(text, "\"endorsementBlock\":\"")};
        for (int i = 0; i < bundle.length; i++) {
            boolean inBlock = false;
            for (int[] block : blocks) {
                inBlock |= i >= block[0] && i < block[1];
            }
            if (!inBlock) {
                positions.add(i);
            }
        }
        for (int[] block : blocks) {
            positions.add(block[0]);
            positions.add(block[1] - 1);
            for (int n = 0; n < 250; n++) {
                positions.add(block[0] + random.nextInt(block[1] - block[0]));
            }
        }
        return new ArrayList<>(positions);
    }

    private static int[] span(String text, String member) {
        int start = text.indexOf(member) + member.length();
        return new int[] {start, text.indexOf('"', start)};
    }

    @Test
    void a_signer_who_is_not_an_approver_fails() {
        UserIdentity liaison = zhuhaiLiaison.identity();
        byte[] bundle = EvidenceFixture.resigned(EvidenceBundle.parse(genuine),
                new ManifestSigner(liaison.privateKey(), liaison.certificate()));

        EvidenceVerdict verdict = verify(bundle, caDirectory);

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.failed(EvidenceCheck.SIGNER_IS_APPROVER)).isTrue();
        assertThat(verdict.failed(EvidenceCheck.SIGNATURE_VALID)).isFalse();
        assertThat(verdict.failed(EvidenceCheck.SIGNER_OF_OWNER_FORCE)).isFalse();
        assertThat(detail(verdict, EvidenceCheck.SIGNER_IS_APPROVER)).contains("liaison");
    }

    @Test
    void a_signer_of_the_wrong_organisation_fails() throws Exception {
        try (LedgerConnection macauApprover = TestNetwork.connect(TestNetwork.MACAU_APPROVER)) {
            UserIdentity approver = macauApprover.identity();
            byte[] bundle = EvidenceFixture.resigned(EvidenceBundle.parse(genuine),
                    new ManifestSigner(approver.privateKey(), approver.certificate()));

            EvidenceVerdict verdict = verify(bundle, caDirectory);

            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.failed(EvidenceCheck.SIGNER_OF_OWNER_FORCE)).isTrue();
            assertThat(verdict.failed(EvidenceCheck.SIGNER_IS_APPROVER)).isFalse();
            assertThat(verdict.failed(EvidenceCheck.SIGNATURE_VALID)).isFalse();
            assertThat(detail(verdict, EvidenceCheck.SIGNER_OF_OWNER_FORCE)).contains("ZhuhaiPSBMSP");
        }
    }

    @Test
    void an_expired_certificate_fails_and_the_same_signer_in_its_validity_passes_that_check() throws Exception {
        TestPki.Issued ca = TestPki.certificateAuthority("Zhuhai test CA");
        Path cas = EvidenceFixture.withExtraCa(caDirectory, dir.resolve("cas-with-test-ca"), "ZhuhaiPSBMSP", ca);
        Instant now = Instant.now();
        TestPki.Issued expired = EvidenceFixture.officer(ca, "approver", now.minus(30, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS));
        TestPki.Issued current = EvidenceFixture.officer(ca, "approver", now.minus(1, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS));
        EvidenceBundle bundle = EvidenceBundle.parse(genuine);

        EvidenceVerdict withExpired = verify(EvidenceFixture.resigned(bundle,
                new ManifestSigner(expired.key(), expired.certificate(), List.of(ca.certificate()))), cas);
        EvidenceVerdict withCurrent = verify(EvidenceFixture.resigned(bundle,
                new ManifestSigner(current.key(), current.certificate(), List.of(ca.certificate()))), cas);

        assertThat(withExpired.failed(EvidenceCheck.CERTIFICATE_VALID_AT_SIGNING)).isTrue();
        assertThat(detail(withExpired, EvidenceCheck.CERTIFICATE_VALID_AT_SIGNING)).contains("CERTIFICATE_NOT_VALID");
        for (EvidenceCheck signerCheck : List.of(EvidenceCheck.SIGNATURE_VALID, EvidenceCheck.SIGNER_OF_OWNER_FORCE,
                EvidenceCheck.SIGNER_IS_APPROVER)) {
            assertThat(withExpired.failed(signerCheck)).as(signerCheck.name()).isFalse();
        }
        assertThat(withCurrent.failed(EvidenceCheck.CERTIFICATE_VALID_AT_SIGNING)).isFalse();
        // Neither signature is the one the ledger recorded.
        assertThat(withExpired.failed(EvidenceCheck.ENDORSEMENT_MATCHES)).isTrue();
        assertThat(withExpired.verified()).isFalse();
    }

    @Test
    void an_endorsement_of_a_record_that_was_not_in_the_delivery_cannot_be_created() {
        ReceivedStore.StoredRecord real = received.get(0);
        String forged = real.canonicalJson().replace(real.recordId(), real.recordId() + "-FORGED");
        String forgedLeaf = EvidenceStatement.leafHashOf(forged);
        ExchangeLedger.over(macauLiaison).requestEndorsement(requestId, forgedLeaf);
        // The approver's best attempt: the real proof of a delivered record, offered for the forged leaf.
        EvidenceStatement genuineStatement = EvidenceBundle.parse(genuine).statement();
        EndorsementSignature attempt = new EndorsementSignature(Base64.getEncoder().encodeToString(new byte[] {1}),
                genuineStatement.deliveryTxId(), genuineStatement.leafIndex(), genuineStatement.leafCount(),
                genuineStatement.proof());

        ChaincodeRefusalException refusal = catchThrowableOfType(ChaincodeRefusalException.class,
                () -> ExchangeLedger.over(zhuhaiApprover).recordEndorsement(requestId, forgedLeaf, attempt));

        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo("NOT_IN_DELIVERY");
        assertThat(ExchangeLedger.over(macauLiaison).getEndorsement(requestId, forgedLeaf).isEndorsed()).isFalse();
    }

    @Test
    void the_cli_requests_endorses_exports_and_verifies_a_second_record() throws Exception {
        String recordId = received.get(0).recordId();
        String zhuhaiData = dir.resolve("zhuhai").toString();
        Path file = dir.resolve("evidence-" + recordId + ".json");
        assertThat(DeliveryPackage.existsIn(new DataHome(dir.resolve("zhuhai")).outbox().resolve(requestId))).isTrue();

        assertThat(EvidenceFixture.gbx(config, "evidence", "request", requestId, "--record", recordId,
                "--org", "macau", "--user", "liaison1").exitCode()).isZero();
        assertThat(EvidenceFixture.gbx(config, "evidence", "endorse", requestId, "--record", recordId, "--data",
                zhuhaiData, "--org", "zhuhai", "--user", "approver1").exitCode()).isZero();
        var exported = EvidenceFixture.gbx(config, "evidence", "export", requestId, "--record", recordId,
                "-o", file.toString(), "--org", "macau", "--user", "liaison1");
        assertThat(exported.exitCode()).as(exported.toString()).isZero();

        var text = EvidenceFixture.gbx("evidence", "verify", file.toString(), "--ca-dir", caDirectory.toString());
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).startsWith("VERIFIED").contains(recordId).contains("[PASS]").doesNotContain("[FAIL]");
        var json = EvidenceFixture.gbx("evidence", "verify", file.toString(), "--ca-dir", caDirectory.toString(),
                "--json");
        JsonNode verdict = JSON.readTree(json.out());
        assertThat(verdict.get("verified").asBoolean()).isTrue();
        assertThat(verdict.at("/verdict/checks")).hasSize(EvidenceCheck.values().length);

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        var altered = EvidenceFixture.gbx("evidence", "verify", file.toString(), "--ca-dir", caDirectory.toString());
        assertThat(altered.exitCode()).isEqualTo(9);
        assertThat(altered.out()).startsWith("NOT VERIFIED").contains("[FAIL]");
    }

    private static String detail(EvidenceVerdict verdict, EvidenceCheck check) {
        return verdict.checks().stream().filter(r -> r.check() == check).findFirst().orElseThrow().findings()
                .toString();
    }
}
