package org.gbx.it.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.delivery.DeliveryPackage;
import org.gbx.client.delivery.EntryKind;
import org.gbx.client.delivery.Manifest;
import org.gbx.client.delivery.ManifestEntry;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Status;
import org.gbx.client.node.ExchangeNode;
import org.gbx.client.nodeapi.NodeApiClient;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.Subject;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.DetailsKeyInbox;
import org.gbx.client.transfer.PackageServer;
import org.gbx.client.transfer.TransferRefusedException;
import org.gbx.it.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zhuhai's real node builds and records genuine deliveries; then a rogue server holding Zhuhai's
 * node TLS certificate serves doctored copies. Macau's real node, started afterwards, catches up from
 * the ledger, fetches each, and must reject every one, store nothing, and record the mismatch.
 */
class TamperedPackageIT {

    private static final int CHUNK = 4096;

    @TempDir
    Path dir;

    enum Tamper { BIT_FLIP, REORDERED_RECORDS, SWAPPED_CHUNKS, TRUNCATED, EXTRA_RECORD }

    @Test
    void every_tampered_package_is_rejected_and_nothing_is_stored() throws Exception {
        RecordsDatabase zhuhaiDb = RecordsDatabase.embedded(new DataHome(dir.resolve("zhuhai")));
        RecordsDatabase macauDb = RecordsDatabase.embedded(new DataHome(dir.resolve("macau")));
        new RecordsSeeder(zhuhaiDb).seed(ExchangeNodes.TAMPERED_ZHUHAI, n -> { });
        Subject subject = ExchangeNodes.subjectWith(zhuhaiDb, "cctv_clip", "border_crossing");
        ExchangeNodes.Outcomes zhuhai = new ExchangeNodes.Outcomes();
        ExchangeNodes.Outcomes macau = new ExchangeNodes.Outcomes();
        Map<Tamper, String> requests = new LinkedHashMap<>();
        List<ExchangeNodes.Handed> keys = new ArrayList<>();
        try (LedgerConnection macauLiaison = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
                LedgerConnection zhuhaiLiaison = TestNetwork.connect(TestNetwork.ZHUHAI_LIAISON);
                LedgerConnection zhuhaiApprover = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER)) {
            try (ExchangeNode zhuhaiNode = ExchangeNodes.start(zhuhaiLiaison, zhuhaiDb,
                    ExchangeNodes.settings("zhuhai", Map.of(), CHUNK), zhuhai)) {
                for (Tamper tamper : Tamper.values()) {
                    ExchangeNodes.Handed handed = ExchangeNodes.requestAndGrantHandingTheKeyTo(zhuhaiNode.port(),
                            macauLiaison, zhuhaiApprover, "tamper", subject,
                            List.of(DataCategory.BORDER_CROSSINGS, DataCategory.CCTV),
                            List.of(DataCategory.BORDER_CROSSINGS, DataCategory.CCTV));
                    requests.put(tamper, handed.requestId());
                    keys.add(handed);
                }
                for (String requestId : requests.values()) {
                    ExchangeNodes.Outcomes.of(zhuhai.delivered, requestId).get(120, TimeUnit.SECONDS);
                }
            }
            for (Map.Entry<Tamper, String> request : requests.entrySet()) {
                doctor(dir.resolve("zhuhai/outbox").resolve(request.getValue()),
                        dir.resolve("rogue").resolve(request.getValue()), request.getKey());
            }
            ChannelTrust trust = ChannelTrust.of(TestNetwork.config());
            try (PackageServer rogue = PackageServer.start("127.0.0.1", 0, ExchangeNodes.nodeTls("zhuhai"), trust, (id, client) -> {
                Path folder = dir.resolve("rogue").resolve(id);
                if (!requests.containsValue(id)) {
                    throw new TransferRefusedException(TransferRefusedException.Reason.NO_PACKAGE, "not ours");
                }
                return DeliveryPackage.open(folder);
            }, DetailsKeyInbox.NONE);
                    ExchangeNode macauNode = ExchangeNodes.start(macauLiaison, macauDb, ExchangeNodes.settings("macau",
                            Map.of("ZhuhaiPSBMSP", "127.0.0.1:" + rogue.port()), CHUNK), macau);
                    NodeApiClient officer = ExchangeNodes.officer(TestNetwork.MACAU_LIAISON, macauNode.apiPort())) {
                // The officer who created the requests hands their keys to Macau's node, which then fetches them.
                keys.forEach(handed -> officer.putDetailsKey(handed.requestId(), handed.key()));
                for (Map.Entry<Tamper, String> request : requests.entrySet()) {
                    String reason = ExchangeNodes.Outcomes.of(macau.rejected, request.getValue()).get(120, TimeUnit.SECONDS);
                    assertThat(reason).as(request.getKey().name()).isIn("ENTRY_MISMATCH", "PACKAGE_HASH_MISMATCH");
                    assertThat(macauNode.received().storedHash(request.getValue())).isEmpty();
                    assertThat(macauNode.received().records(request.getValue())).isEmpty();
                    ExchangeRequest onLedger = ExchangeLedger.over(macauLiaison).getRequest(request.getValue());
                    assertThat(onLedger.status()).isEqualTo(Status.DELIVERED);
                    assertThat(onLedger.receipt().matches()).as(request.getKey().name()).isFalse();
                }
            }
            try (var incoming = Files.list(dir.resolve("macau/incoming"))) {
                assertThat(incoming.filter(p -> requests.containsValue(p.getFileName().toString()))
                        .flatMap(ExchangedFiles::walk).filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    /** Copies a genuine package (real copies: the outbox clips are hard links) and spoils it. */
    private static void doctor(Path genuine, Path copy, Tamper tamper) throws Exception {
        Files.createDirectories(copy.resolve("clips"));
        try (var files = Files.walk(genuine)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(genuine.relativize(file).toString()));
            }
        }
        Manifest manifest = DeliveryPackage.open(genuine).manifest();
        Path records = copy.resolve("records.bin");
        byte[] bytes = Files.readAllBytes(records);
        switch (tamper) {
            case BIT_FLIP -> {
                bytes[bytes.length / 2] ^= 0x01;
                Files.write(records, bytes);
            }
            case REORDERED_RECORDS -> {
                int first = (int) manifest.entries().get(0).size();
                int second = (int) manifest.entries().get(1).size();
                byte[] swapped = new byte[bytes.length];
                System.arraycopy(bytes, first, swapped, 0, second);
                System.arraycopy(bytes, 0, swapped, second, first);
                System.arraycopy(bytes, first + second, swapped, first + second, bytes.length - first - second);
                Files.write(records, swapped);
            }
            case SWAPPED_CHUNKS -> {
                try (var clips = Files.list(copy.resolve("clips"))) {
                    Path clip = clips.findFirst().orElseThrow();
                    byte[] data = Files.readAllBytes(clip);
                    byte[] swapped = data.clone();
                    System.arraycopy(data, CHUNK, swapped, 0, CHUNK);
                    System.arraycopy(data, 0, swapped, CHUNK, CHUNK);
                    Files.write(clip, swapped);
                }
            }
            case TRUNCATED -> rewriteManifest(copy, manifest, manifest.entries().subList(0, manifest.entries().size() - 1));
            case EXTRA_RECORD -> {
                byte[] extra = bytes.clone();
                Files.write(records, concat(bytes, extra));
                List<ManifestEntry> entries = new ArrayList<>(manifest.entries());
                entries.add(new ManifestEntry(EntryKind.RECORD, manifest.entries().get(0).leaf(), extra.length));
                rewriteManifest(copy, manifest, entries);
            }
        }
    }

    private static void rewriteManifest(Path copy, Manifest genuine, List<ManifestEntry> entries) throws Exception {
        Manifest doctored = new Manifest(genuine.requestId(), genuine.senderOrg(), genuine.requesterOrg(),
                genuine.categories(), genuine.chunkSize(), entries, genuine.merkleRoot(), genuine.recordCount(),
                entries.stream().mapToLong(ManifestEntry::size).sum());
        Files.write(copy.resolve("manifest.json"), doctored.canonicalBytes());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Files.walk without the checked exception, for streams. */
    private static final class ExchangedFiles {
        static java.util.stream.Stream<Path> walk(Path root) {
            try {
                return Files.walk(root);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
