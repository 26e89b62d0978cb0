package org.gbx.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gbx.client.delivery.PackageRejectedException.Reason;
import org.gbx.client.model.DataCategory;
import org.gbx.client.records.ClipStore;
import org.gbx.client.records.IdType;
import org.gbx.client.records.SourceRecord;
import org.gbx.client.records.Subject;
import org.gbx.client.records.SyntheticClip;
import org.gbx.client.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageVerificationTest {

    private static final int CHUNK = 1000;
    private static final TestPki.Issued ZHUHAI_CA = TestPki.certificateAuthority("ca.zhuhai");
    private static final TestPki.Issued ZHUHAI_NODE = TestPki.leaf(ZHUHAI_CA, "liaison1");

    @TempDir
    Path dir;
    private DeliveryPackage delivered;
    private ExpectedDelivery expected;

    @BeforeEach
    void build() {
        delivered = buildPackage(records(), dir.resolve("outbox/req-1"), ZHUHAI_NODE);
        Manifest m = delivered.manifest();
        expected = new ExpectedDelivery("req-1", "ZhuhaiPSBMSP", "MacauPJMSP", m.packageHash(), m.merkleRoot(),
                m.recordCount(), m.sizeBytes(), List.of("BORDER_CROSSINGS", "CCTV", "VEHICLES"));
    }

    private DeliveryPackage buildPackage(List<SourceRecord> records, Path folder, TestPki.Issued signer) {
        return new PackageBuilder(new ManifestSigner(signer.key(), signer.certificate()), CHUNK).build(
                new PackageBuilder.Addressing("req-1", "ZhuhaiPSBMSP", "MacauPJMSP",
                        List.of("BORDER_CROSSINGS", "CCTV", "VEHICLES")), records, folder);
    }

    private List<SourceRecord> records() {
        Subject subject = new Subject(IdType.MAINLAND_RIC, "11010519491231002X");
        ClipStore clips = new ClipStore(dir);
        ClipStore.StoredClip clip = clips.write("clip.bin", new SyntheticClip(3, 4321));
        List<SourceRecord> records = new ArrayList<>();
        records.add(record(DataCategory.BORDER_CROSSINGS, "X0", subject, Map.of("port", "GONGBEI"), Optional.empty()));
        records.add(record(DataCategory.BORDER_CROSSINGS, "X1", subject, Map.of("port", "HENGQIN"), Optional.empty()));
        records.add(record(DataCategory.CCTV, "K0", subject, Map.of("size_bytes", clip.sizeBytes(), "sha256", clip.sha256()),
                Optional.of(new SourceRecord.Clip(clips.resolve("clip.bin"), clip.sizeBytes(), clip.sha256()))));
        records.add(record(DataCategory.VEHICLES, "V0", subject, Map.of("mainland_plate", "粤C·D1234"), Optional.empty()));
        return records;
    }

    private static SourceRecord record(DataCategory category, String id, Subject subject, Map<String, Object> fields,
            Optional<SourceRecord.Clip> clip) {
        return new SourceRecord(category, id, subject, new TreeMap<>(fields), clip);
    }

    private IncomingPackage incoming() {
        return IncomingPackage.open(dir.resolve("incoming"), expected, List.of(ZHUHAI_CA.certificate()));
    }

    /** Sends the manifest, then the entries in the order given, then finishes. */
    private VerifiedPackage receive(List<byte[]> entries) {
        IncomingPackage incoming = incoming();
        incoming.acceptManifest(delivered.manifestBytes(), delivered.signature());
        for (int i = 0; i < entries.size(); i++) {
            incoming.acceptEntry(i, entries.get(i));
        }
        return incoming.finish();
    }

    private List<byte[]> entries() throws IOException {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < delivered.entryCount(); i++) {
            entries.add(delivered.readEntry(i));
        }
        return entries;
    }

    private void assertRejected(Runnable receiving, Reason reason) {
        assertThatThrownBy(receiving::run).isInstanceOfSatisfying(PackageRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.computedHash()).hasSize(64).isNotEqualTo(expected.packageHash());
        });
        assertThat(dir.resolve("incoming/req-1").resolve(expected.packageHash())).doesNotExist();
    }

    @Test
    void an_intact_package_verifies_and_its_computed_hash_is_the_ledgers() throws IOException {
        IncomingPackage incoming = incoming();
        incoming.acceptManifest(delivered.manifestBytes(), delivered.signature());
        List<byte[]> entries = entries();
        for (int i = 0; i < entries.size(); i++) {
            incoming.acceptEntry(i, entries.get(i));
        }
        VerifiedPackage verified = incoming.finish();

        assertThat(incoming.computedHash()).isEqualTo(expected.packageHash());
        assertThat(verified.records()).extracting(VerifiedPackage.VerifiedRecord::recordId)
                .containsExactly("X0", "X1", "K0", "V0");
        assertThat(entries).hasSize(4 + 5);
        Path clip = verified.records().get(2).clipFile().orElseThrow();
        assertThat(Files.mismatch(clip, dir.resolve("clip.bin"))).isEqualTo(-1);
    }

    @Test
    void the_same_records_build_the_same_package_hash() {
        DeliveryPackage again = buildPackage(records(), dir.resolve("outbox/again"), ZHUHAI_NODE);
        assertThat(again.manifest().packageHash()).isEqualTo(expected.packageHash());
    }

    @Test
    void a_flipped_bit_in_a_record_is_rejected() throws IOException {
        List<byte[]> entries = entries();
        entries.get(1)[5] ^= 0x01;
        assertRejected(() -> receive(entries), Reason.ENTRY_MISMATCH);
    }

    @Test
    void a_flipped_bit_in_a_chunk_is_rejected() throws IOException {
        List<byte[]> entries = entries();
        entries.get(4)[999] ^= (byte) 0x80;
        assertRejected(() -> receive(entries), Reason.ENTRY_MISMATCH);
    }

    @Test
    void a_truncated_stream_is_rejected() throws IOException {
        List<byte[]> entries = entries();
        assertRejected(() -> receive(entries.subList(0, entries.size() - 1)), Reason.TRUNCATED);
    }

    @Test
    void a_truncated_chunk_is_rejected() throws IOException {
        List<byte[]> entries = entries();
        entries.set(3, java.util.Arrays.copyOf(entries.get(3), 500));
        assertRejected(() -> receive(entries), Reason.ENTRY_MISMATCH);
    }

    @Test
    void an_extra_record_after_the_last_entry_is_rejected() throws IOException {
        List<byte[]> entries = entries();
        entries.add(entries.get(0).clone());
        assertRejected(() -> receive(entries), Reason.UNEXPECTED_ENTRY);
    }

    @Test
    void a_package_rebuilt_with_an_extra_record_does_not_match_the_ledger() {
        List<SourceRecord> more = new ArrayList<>(records());
        more.add(record(DataCategory.VEHICLES, "V9", more.get(0).subject(), Map.of("make", "BYD"), Optional.empty()));
        DeliveryPackage forged = buildPackage(more, dir.resolve("outbox/forged"), ZHUHAI_NODE);
        IncomingPackage incoming = incoming();
        assertRejected(() -> incoming.acceptManifest(forged.manifestBytes(), forged.signature()),
                Reason.PACKAGE_HASH_MISMATCH);
    }

    @Test
    void reordered_records_are_rejected() throws IOException {
        List<byte[]> entries = entries();
        java.util.Collections.swap(entries, 0, 1);
        assertRejected(() -> receive(entries), Reason.ENTRY_MISMATCH);
    }

    @Test
    void swapped_chunks_are_rejected() throws IOException {
        List<byte[]> entries = entries();
        java.util.Collections.swap(entries, 3, 4);
        assertRejected(() -> receive(entries), Reason.ENTRY_MISMATCH);
    }

    @Test
    void a_manifest_signed_by_another_force_is_rejected() {
        TestPki.Issued stranger = TestPki.leaf(TestPki.certificateAuthority("ca.elsewhere"), "liaison1");
        DeliveryPackage signedByStranger = buildPackage(records(), dir.resolve("outbox/stranger"), stranger);
        IncomingPackage incoming = incoming();
        assertThatThrownBy(() -> incoming.acceptManifest(signedByStranger.manifestBytes(), signedByStranger.signature()))
                .isInstanceOfSatisfying(PackageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
        assertThat(incoming.folder()).doesNotExist();
    }

    @Test
    void a_ledger_root_that_differs_rejects_the_manifest() {
        expected = new ExpectedDelivery("req-1", "ZhuhaiPSBMSP", "MacauPJMSP", expected.packageHash(),
                "0".repeat(64), expected.recordCount(), expected.sizeBytes(), expected.categories());
        IncomingPackage incoming = incoming();
        assertThatThrownBy(() -> incoming.acceptManifest(delivered.manifestBytes(), delivered.signature()))
                .isInstanceOfSatisfying(PackageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MERKLE_ROOT_MISMATCH));
        assertThat(incoming.folder()).doesNotExist();
    }

    /** A node that starts on this spool again, as after a crash: only checkpoints count. */
    private IncomingPackage reopened(long checkpointBytes) {
        return IncomingPackage.open(dir.resolve("incoming"), expected, List.of(ZHUHAI_CA.certificate()), checkpointBytes);
    }

    @Test
    void a_transfer_resumes_from_the_last_verified_entry() throws IOException {
        List<byte[]> entries = entries();
        IncomingPackage first = reopened(1);
        first.acceptManifest(delivered.manifestBytes(), delivered.signature());
        for (int i = 0; i < 4; i++) {
            first.acceptEntry(i, entries.get(i));
        }

        IncomingPackage resumed = reopened(1);
        assertThat(resumed.hasManifest()).isTrue();
        assertThat(resumed.nextEntry()).isEqualTo(4);
        for (int i = 4; i < entries.size(); i++) {
            resumed.acceptEntry(i, entries.get(i));
        }
        assertThat(resumed.finish().records()).hasSize(4);
    }

    @Test
    void a_node_stopped_between_checkpoints_fetches_again_only_what_followed_the_last_one() throws IOException {
        List<byte[]> entries = entries();
        IncomingPackage first = reopened(2 * CHUNK);
        first.acceptManifest(delivered.manifestBytes(), delivered.signature());
        for (int i = 0; i < entries.size() - 1; i++) {
            first.acceptEntry(i, entries.get(i));
        }

        IncomingPackage resumed = reopened(2 * CHUNK);
        assertThat(resumed.nextEntry()).isBetween(1, entries.size() - 2);
        for (int i = resumed.nextEntry(); i < entries.size(); i++) {
            resumed.acceptEntry(i, entries.get(i));
        }
        VerifiedPackage verified = resumed.finish();
        assertThat(verified.records()).hasSize(4);
        assertThat(verified.records().get(2).clipFile()).hasValueSatisfying(
                clip -> assertThat(clip).hasSize(entries.subList(3, entries.size() - 1).stream()
                        .mapToLong(e -> e.length).sum()));
    }

    @Test
    void a_broken_stream_keeps_everything_verified_so_far() throws IOException {
        List<byte[]> entries = entries();
        IncomingPackage first = reopened(Long.MAX_VALUE);
        first.acceptManifest(delivered.manifestBytes(), delivered.signature());
        for (int i = 0; i < 5; i++) {
            first.acceptEntry(i, entries.get(i));
        }
        first.checkpoint();

        assertThat(reopened(Long.MAX_VALUE).nextEntry()).isEqualTo(5);
    }

    @Test
    void a_spool_changed_on_disk_while_the_node_was_down_is_fetched_again() throws IOException {
        List<byte[]> entries = entries();
        IncomingPackage first = reopened(1);
        first.acceptManifest(delivered.manifestBytes(), delivered.signature());
        for (int i = 0; i < entries.size(); i++) {
            first.acceptEntry(i, entries.get(i));
        }
        Path records = first.folder().resolve(PackageLayout.RECORDS);
        byte[] bytes = Files.readAllBytes(records);
        bytes[2] ^= 1;
        Files.write(records, bytes);

        IncomingPackage resumed = reopened(1);
        assertThat(resumed.hasManifest()).isFalse();
        assertThat(resumed.nextEntry()).isZero();
        assertThat(resumed.folder()).doesNotExist();
        assertThat(receive(entries).records()).hasSize(4);
    }
}
