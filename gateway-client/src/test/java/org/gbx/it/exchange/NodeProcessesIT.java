package org.gbx.it.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.LedgerUnavailableException;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Status;
import org.gbx.client.nodeapi.NodeApiClient;
import org.gbx.client.nodeapi.ReceivedRecord;
import org.gbx.client.records.ClipStore;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.IdType;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.Subject;
import org.gbx.client.records.SyntheticClip;
import org.gbx.client.usecase.ReceivedDataAccess;
import org.gbx.it.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both forces' nodes as separate {@code gbx node start} JVMs limited to 256 MiB of heap, the way
 * they run in production: the sender is killed by its pid in the middle of a clip and restarted,
 * and a 1 GiB clip streams while both heaps are sampled from outside.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeProcessesIT {

    private static final long MIB = 1024 * 1024;
    private static final long INTERRUPTED_CLIP = 192 * MIB;
    private static final long LARGE_CLIP = 1024 * MIB;

    @TempDir
    static Path dir;
    static LedgerConnection macauLiaison;
    static LedgerConnection zhuhaiApprover;
    static RecordsDatabase macauDb;
    static RecordsDatabase zhuhaiDb;
    static Subject interruptedSubject;
    static Subject largeSubject;
    static int zhuhaiPort;
    static int macauPort;
    static int macauApiPort;
    static int zhuhaiApiPort;
    static NodeProcess zhuhaiNode;
    static NodeProcess macauNode;

    @BeforeAll
    static void seedAndStartNodes() throws Exception {
        macauLiaison = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
        zhuhaiApprover = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER);
        zhuhaiDb = RecordsDatabase.embedded(new DataHome(dir.resolve("zhuhai")));
        macauDb = RecordsDatabase.embedded(new DataHome(dir.resolve("macau")));
        new RecordsSeeder(zhuhaiDb).seed(ExchangeNodes.PROCESSES_ZHUHAI, n -> { });
        new RecordsSeeder(macauDb).seed(ExchangeNodes.PROCESSES_MACAU, n -> { });
        List<Subject> withClips = subjectsWithClips(zhuhaiDb);
        interruptedSubject = withClips.get(0);
        largeSubject = withClips.get(1);
        enlargeClip(interruptedSubject, INTERRUPTED_CLIP);
        enlargeClip(largeSubject, LARGE_CLIP);
        // Free ports are taken by each node's first run (and kept by Zhuhai's restart), not picked beforehand:
        // a port found free can be taken by another process before the node binds it.
        zhuhaiNode = startZhuhai();
        zhuhaiPort = zhuhaiNode.port();
        zhuhaiApiPort = zhuhaiNode.apiPort();
        macauNode = NodeProcess.start(TestNetwork.MACAU_LIAISON, dir.resolve("macau"), 0, 0,
                Map.of("ZhuhaiPSBMSP", "127.0.0.1:" + zhuhaiPort), dir.resolve("macau-node.log"));
        macauPort = macauNode.port();
        macauApiPort = macauNode.apiPort();
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {macauNode, zhuhaiNode, macauLiaison, zhuhaiApprover}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private static NodeProcess startZhuhai() throws IOException, InterruptedException {
        return NodeProcess.start(TestNetwork.ZHUHAI_LIAISON, dir.resolve("zhuhai"), zhuhaiPort, zhuhaiApiPort,
                Map.of("MacauPJMSP", "127.0.0.1:" + macauPort), dir.resolve("zhuhai-node.log"));
    }

    @Test
    @Order(1)
    void a_sender_killed_mid_stream_and_restarted_completes_with_matching_hashes() throws Exception {
        String requestId = ExchangeNodes.requestAndGrant(macauLiaison, macauApiPort, zhuhaiApprover, "killed",
                interruptedSubject,
                List.of(DataCategory.CCTV), List.of(DataCategory.CCTV));
        ExchangeRequest delivered = awaitStatus(requestId, Status.DELIVERED, Duration.ofMinutes(3));
        Path progress = dir.resolve("macau/incoming").resolve(requestId).resolve(delivered.delivery().packageHash())
                .resolve("verified-entries");
        int total = Math.toIntExact(INTERRUPTED_CLIP / MIB) + 1;
        awaitProgress(progress, 8, Duration.ofMinutes(2));
        int beforeKill = macauNode.logMark();
        zhuhaiNode.kill();
        int verifiedAtKill = Integer.parseInt(Files.readString(progress).strip());
        assertThat(verifiedAtKill).as("killed mid-stream").isLessThan(total);
        System.out.printf("sender killed after %d of %d entries were verified%n", verifiedAtKill, total);

        // The receiver's stream breaks, and its next attempt meets a closed port, before the sender is back.
        macauNode.awaitLogLines(beforeKill, "transfer of " + requestId + " interrupted", 2, Duration.ofMinutes(2));
        zhuhaiNode = startZhuhai();
        ExchangeRequest received = awaitStatus(requestId, Status.RECEIVED, Duration.ofMinutes(5));

        assertThat(received.receipt().matches()).isTrue();
        assertThat(received.receipt().computedHash()).isEqualTo(received.delivery().packageHash());
        try (NodeApiClient macau = ExchangeNodes.officer(TestNetwork.MACAU_LIAISON, macauApiPort)) {
            assertThat(macau.heldPackage(requestId).packageHash()).isEqualTo(received.delivery().packageHash());
        }
        assertThat(zhuhaiNode.log()).containsPattern("sending " + requestId + " to MacauPJMSP from entry [1-9]");
        assertClipStored(requestId, INTERRUPTED_CLIP);
    }

    @Test
    @Order(2)
    void a_1_gib_clip_streams_while_each_node_heap_stays_under_256_mib() throws Exception {
        try (HeapWatch senderHeap = HeapWatch.of(zhuhaiNode.pid());
                HeapWatch receiverHeap = HeapWatch.of(macauNode.pid())) {
            Instant start = Instant.now();
            String requestId = ExchangeNodes.requestAndGrant(macauLiaison, macauApiPort, zhuhaiApprover, "large",
                    largeSubject,
                    List.of(DataCategory.CCTV), List.of(DataCategory.CCTV));
            ExchangeRequest received = awaitStatus(requestId, Status.RECEIVED, Duration.ofMinutes(15));
            Duration took = Duration.between(start, Instant.now());

            assertThat(received.receipt().matches()).isTrue();
            assertClipStored(requestId, LARGE_CLIP);
            assertThat(zhuhaiNode.isAlive()).isTrue();
            assertThat(macauNode.isAlive()).isTrue();
            // printed for docs/exchange.md: the measured figures of this run
            System.out.printf("1 GiB clip: grant to receipt in %d s; peak heap in use: sender %d MiB, receiver %d MiB"
                    + " (%d and %d samples)%n", took.toSeconds(), senderHeap.peakMiB(), receiverHeap.peakMiB(),
                    senderHeap.samples(), receiverHeap.samples());
            assertThat(senderHeap.samples()).isPositive();
            assertThat(receiverHeap.samples()).isPositive();
            assertThat(senderHeap.peakMiB()).isLessThan(256);
            assertThat(receiverHeap.peakMiB()).isLessThan(256);
        }
    }

    /** Through Macau's node, as an officer's gbx access reads it: the access goes on the ledger first. */
    private static void assertClipStored(String requestId, long size) throws IOException {
        try (NodeApiClient macau = ExchangeNodes.officer(TestNetwork.MACAU_LIAISON, macauApiPort)) {
            List<ReceivedRecord> stored = new ReceivedDataAccess(ExchangeLedger.over(macauLiaison), macau)
                    .access(requestId, "Check the clip arrived whole").records();
            assertThat(stored).hasSize(1);
            assertThat(Files.size(Path.of(stored.get(0).clip()))).isEqualTo(size);
        }
    }

    private static ExchangeRequest awaitStatus(String requestId, Status status, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            ExchangeRequest request;
            try {
                request = ExchangeLedger.over(macauLiaison).getRequest(requestId);
            } catch (LedgerUnavailableException busy) {
                continue; // the shared peer answered late while the disk is busy with the clip; ask again
            }
            if (request.status() == status) {
                return request;
            }
            assertThat(Instant.now()).as(requestId + " still " + request.status() + ", waiting for " + status
                    + "\n--- Zhuhai's node\n" + zhuhaiNode.log() + "\n--- Macau's node\n" + macauNode.log())
                    .isBefore(end);
            Thread.sleep(250);
        }
    }

    /** Waits until the receiver's spool holds at least {@code entries} verified entries. */
    private static void awaitProgress(Path progress, int entries, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            try {
                int verified = Integer.parseInt(Files.readString(progress).strip());
                if (verified >= entries) {
                    return;
                }
            } catch (IOException | NumberFormatException notYet) {
                // not started, or being replaced atomically
            }
            assertThat(Instant.now()).as("the transfer did not start:\n" + macauNode.log()).isBefore(end);
            Thread.sleep(5);
        }
    }

    private static List<Subject> subjectsWithClips(RecordsDatabase database) throws Exception {
        try (Connection c = database.connect(); var s = c.createStatement(); var r = s.executeQuery(
                "SELECT p.id_type, p.id_number FROM person p JOIN cctv_clip k ON k.person_id = p.person_id"
                        + " ORDER BY p.person_id")) {
            List<Subject> subjects = new java.util.ArrayList<>();
            while (r.next()) {
                subjects.add(new Subject(IdType.valueOf(r.getString(1)), r.getString(2)));
            }
            assertThat(subjects).as("seeded persons with a clip").hasSizeGreaterThanOrEqualTo(2);
            return subjects;
        }
    }

    /** Replaces the subject's seeded clip by a synthetic one of {@code size} bytes, written as generated. */
    private static void enlargeClip(Subject subject, long size) throws Exception {
        String fileName = "large-" + subject.idNumber().hashCode() + ".bin";
        ClipStore.StoredClip clip = new ClipStore(zhuhaiDb.home().clips()).write(fileName, new SyntheticClip(size, size));
        try (Connection c = zhuhaiDb.connect(); PreparedStatement update = c.prepareStatement(
                "UPDATE cctv_clip SET size_bytes = ?, sha256 = ?, file_name = ? WHERE person_id ="
                        + " (SELECT person_id FROM person WHERE id_type = ? AND id_number = ?)")) {
            update.setLong(1, clip.sizeBytes());
            update.setString(2, clip.sha256());
            update.setString(3, clip.fileName());
            update.setString(4, subject.idType().name());
            update.setString(5, subject.idNumber());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
