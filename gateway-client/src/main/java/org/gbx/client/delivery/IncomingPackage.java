package org.gbx.client.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gbx.client.delivery.PackageRejectedException.Reason;
import org.gbx.client.erasure.FileErasure;

/**
 * The receiving side of one delivery, held in a spool folder until every check has passed. The
 * manifest must hash to the ledger's package hash, carry the ledger's Merkle root and be signed by
 * the sending force. Each entry is checked once, as it arrives and before it is written: it must be
 * the next in order and hash to its leaf; a record must be canonical JSON of a delivered category;
 * a clip's chunks must add up to the size and SHA-256 its record states. At the end the leaves must
 * give the ledger's Merkle root. Any failure deletes the spool.
 *
 * <p>Verified entries are made durable at checkpoints (every {@link #CHECKPOINT_BYTES}, at a broken
 * stream and at the end): the spool's files are synced, then the count of verified entries saved.
 * A node that restarts reads back and re-verifies what the last checkpoint holds (a spool changed
 * on disk while the node was down is discarded and fetched again) and resumes from
 * {@link #nextEntry()}.
 */
public final class IncomingPackage {

    /**
     * Bytes verified between two checkpoints. Syncing every 1 MiB entry made the disk the limit of
     * a transfer; a crash now costs at most this much fetched again.
     */
    public static final long CHECKPOINT_BYTES = 32L << 20;
    private static final String PROGRESS = "verified-entries";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final ExpectedDelivery expected;
    private final SignatureCheck signatures;
    private final long checkpointBytes;
    private Manifest manifest;
    private PackageLayout layout;
    private SpoolWriter writer;
    /** Leaf hash and size of each entry received so far, good or bad: the basis of the computed hash. */
    private final List<ManifestEntry> received = new ArrayList<>();
    private final List<VerifiedPackage.VerifiedRecord> records = new ArrayList<>();
    /** The clip whose chunks are arriving, if the last record was a CCTV record. */
    private ClipCheck clip;
    /** Files written since the last checkpoint, and how many bytes. */
    private final Set<Path> unsynced = new LinkedHashSet<>();
    private long unsyncedBytes;

    private IncomingPackage(Path folder, ExpectedDelivery expected, SignatureCheck signatures, long checkpointBytes) {
        this.folder = folder;
        this.expected = expected;
        this.signatures = signatures;
        this.checkpointBytes = checkpointBytes;
    }

    /** Opens the spool for this delivery, resuming a transfer an earlier attempt left verified. */
    public static IncomingPackage open(Path spoolRoot, ExpectedDelivery expected,
            Collection<X509Certificate> senderCaCertificates) {
        return open(spoolRoot, expected, senderCaCertificates, CHECKPOINT_BYTES);
    }

    static IncomingPackage open(Path spoolRoot, ExpectedDelivery expected,
            Collection<X509Certificate> senderCaCertificates, long checkpointBytes) {
        Path folder = spoolRoot.resolve(expected.requestId()).resolve(expected.packageHash());
        IncomingPackage incoming = new IncomingPackage(folder, expected, new SignatureCheck(senderCaCertificates),
                checkpointBytes);
        incoming.resume();
        return incoming;
    }

    /** Re-verifies, from disk, the entries the last checkpoint holds. */
    private void resume() {
        try {
            Path progress = folder.resolve(PROGRESS);
            if (!DeliveryPackage.existsIn(folder) || !Files.isRegularFile(progress)) {
                return;
            }
            manifest = Manifest.parse(Files.readAllBytes(folder.resolve(DeliveryPackage.MANIFEST)));
            layout = PackageLayout.of(manifest, folder);
            writer = new SpoolWriter(layout);
            int verified = Math.min(Integer.parseInt(Files.readString(progress).strip()), manifest.entries().size());
            for (int i = 0; i < verified; i++) {
                verify(i, layout.read(i));
            }
        } catch (IOException | RuntimeException e) {
            // A damaged or changed spool is not trusted: start the transfer over.
            discard();
            manifest = null;
            writer = null;
            received.clear();
            records.clear();
            clip = null;
        }
    }

    public boolean hasManifest() {
        return manifest != null;
    }

    /** The index of the next entry to fetch: everything before it is verified and on disk. */
    public int nextEntry() {
        return received.size();
    }

    public int entryCount() {
        return manifest == null ? 0 : manifest.entries().size();
    }

    public void acceptManifest(byte[] manifestBytes, byte[] signature) {
        String hash = Manifest.sha256Hex(manifestBytes);
        try {
            if (!hash.equals(expected.packageHash())) {
                throw reject(Reason.PACKAGE_HASH_MISMATCH, "the manifest hashes to " + hash
                        + ", the ledger recorded " + expected.packageHash());
            }
            Manifest candidate = Manifest.parse(manifestBytes);
            checkAgainstLedger(candidate);
            signatures.verify(manifestBytes, signature);
            PackageLayout candidateLayout = PackageLayout.of(candidate, folder);
            Files.createDirectories(folder);
            Files.write(folder.resolve(DeliveryPackage.SIGNATURE), signature);
            Files.write(folder.resolve(DeliveryPackage.MANIFEST), manifestBytes);
            manifest = candidate;
            layout = candidateLayout;
            writer = new SpoolWriter(layout);
            saveProgress();
        } catch (PackageRejectedException e) {
            discard();
            throw e.withComputedHash(hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the incoming package to " + folder, e);
        }
    }

    private void checkAgainstLedger(Manifest candidate) {
        if (!candidate.requestId().equals(expected.requestId()) || !candidate.senderOrg().equals(expected.senderOrg())
                || !candidate.requesterOrg().equals(expected.requesterOrg())) {
            throw reject(Reason.WRONG_ADDRESSEE, "the manifest is addressed to another request or force");
        }
        if (!candidate.isConsistent() || !candidate.merkleRoot().equals(expected.merkleRoot())
                || candidate.recordCount() != expected.recordCount() || candidate.sizeBytes() != expected.sizeBytes()) {
            throw reject(Reason.MERKLE_ROOT_MISMATCH, "root, record count or size differ from the ledger's delivery");
        }
        if (!expected.categories().containsAll(candidate.categories())) {
            throw reject(Reason.WRONG_ADDRESSEE, "the manifest names categories the ledger's delivery does not");
        }
    }

    /** Takes entry {@code index}, which must be {@link #nextEntry()}, after checking it against its leaf. */
    public void acceptEntry(int index, byte[] bytes) {
        requireManifest();
        try {
            if (index >= manifest.entries().size()) {
                received.add(new ManifestEntry(EntryKind.RECORD, leafOf(EntryKind.RECORD, bytes), bytes.length));
                throw reject(Reason.UNEXPECTED_ENTRY, "entry " + index + " is beyond the manifest's "
                        + manifest.entries().size());
            }
            if (index != received.size()) {
                throw reject(Reason.ENTRY_MISMATCH, "entry " + index + " arrived where " + received.size() + " was due");
            }
            verify(index, bytes);
            writer.write(index, bytes);
            unsynced.add(layout.location(index).file());
            unsyncedBytes += bytes.length;
            if (unsyncedBytes >= checkpointBytes) {
                checkpoint();
            }
        } catch (PackageRejectedException e) {
            throw rejectAndDiscard(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the incoming package to " + folder, e);
        }
    }

    /** Checks entry {@code index} against its leaf and takes in its record or clip chunk. */
    private void verify(int index, byte[] bytes) {
        ManifestEntry listed = manifest.entries().get(index);
        String leaf = leafOf(listed.kind(), bytes);
        received.add(new ManifestEntry(listed.kind(), leaf, bytes.length));
        if (bytes.length != listed.size() || !leaf.equals(listed.leaf())) {
            throw reject(Reason.ENTRY_MISMATCH, "entry " + index + " does not match its leaf in the manifest");
        }
        if (listed.kind() == EntryKind.RECORD) {
            finishClip();
            Map<String, Object> record = parseRecord(bytes, index);
            int position = records.size();
            String category = String.valueOf(record.get("category"));
            boolean isClip = "CCTV".equals(category);
            clip = isClip ? new ClipCheck(record, position) : null;
            records.add(new VerifiedPackage.VerifiedRecord(position, category, String.valueOf(record.get("recordId")),
                    new String(bytes, StandardCharsets.UTF_8),
                    isClip ? Optional.of(PackageLayout.clipFile(folder, position)) : Optional.empty()));
        } else {
            if (clip == null) {
                throw reject(Reason.CLIP_MISMATCH, "entry " + index + " is a chunk of a record that has no clip");
            }
            clip.add(bytes);
        }
    }

    /**
     * Makes every entry verified so far durable: syncs the files written since the last
     * checkpoint, then saves the count. Called as entries arrive, when a stream breaks, and at the end.
     */
    public void checkpoint() {
        if (manifest == null) {
            return;
        }
        try {
            writer.drain();
            for (Path file : unsynced) {
                PackageLayout.sync(file);
            }
            unsynced.clear();
            unsyncedBytes = 0;
            saveProgress();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the incoming package in " + folder, e);
        }
    }

    /**
     * Checks that every entry arrived and that the leaves give the ledger's Merkle root, makes the
     * spool durable, and returns the package ready to store. Nothing has been stored when this throws.
     */
    public VerifiedPackage finish() {
        requireManifest();
        try {
            if (received.size() < manifest.entries().size()) {
                throw reject(Reason.TRUNCATED, "only " + received.size() + " of " + manifest.entries().size()
                        + " entries arrived");
            }
            finishClip();
            List<byte[]> leaves = received.stream().map(entry -> HexFormat.of().parseHex(entry.leaf())).toList();
            if (!HexFormat.of().formatHex(MerkleTree.root(leaves)).equals(expected.merkleRoot())) {
                throw reject(Reason.MERKLE_ROOT_MISMATCH, "the received entries do not give the ledger's Merkle root");
            }
            checkpoint();
            return new VerifiedPackage(manifest, expected.packageHash(), records);
        } catch (PackageRejectedException e) {
            throw rejectAndDiscard(e);
        }
    }

    private Map<String, Object> parseRecord(byte[] bytes, int index) {
        try {
            Map<String, Object> record = JSON.readValue(bytes, new TypeReference<Map<String, Object>>() { });
            if (!Arrays.equals(CanonicalJson.bytes(record), bytes)) {
                throw reject(Reason.MALFORMED, "record entry " + index + " is not canonical JSON");
            }
            if (!manifest.categories().contains(String.valueOf(record.get("category")))) {
                throw reject(Reason.WRONG_ADDRESSEE, "record entry " + index + " is of a category not delivered");
            }
            return record;
        } catch (IOException | IllegalArgumentException e) {
            throw reject(Reason.MALFORMED, "record entry " + index + " is not JSON");
        }
    }

    /** Adds up a clip's chunks and compares them with the size and SHA-256 its record states. */
    private static final class ClipCheck {
        private final MessageDigest sha256 = MerkleTree.sha256();
        private final long statedSize;
        private final String statedHash;
        private final int position;
        private long size;

        @SuppressWarnings("unchecked")
        ClipCheck(Map<String, Object> record, int position) {
            Map<String, Object> fields = (Map<String, Object>) record.getOrDefault("fields", Map.of());
            this.statedSize = fields.get("size_bytes") instanceof Number n ? n.longValue() : -1;
            this.statedHash = String.valueOf(fields.get("sha256"));
            this.position = position;
        }

        void add(byte[] chunk) {
            sha256.update(chunk);
            size += chunk.length;
        }

        boolean matches() {
            return size == statedSize && HexFormat.of().formatHex(sha256.digest()).equals(statedHash);
        }
    }

    /** The clip whose chunks were arriving is complete: it must match its record. */
    private void finishClip() {
        ClipCheck done = clip;
        clip = null;
        if (done != null && !done.matches()) {
            throw reject(Reason.CLIP_MISMATCH, "the clip of record " + done.position
                    + " does not match the size and SHA-256 its record states");
        }
    }

    /** Hex SHA-256 of the manifest rebuilt from the entries as they actually arrived. */
    public String computedHash() {
        requireManifest();
        return Manifest.over(manifest.requestId(), manifest.senderOrg(), manifest.requesterOrg(),
                manifest.categories(), manifest.chunkSize(), received).packageHash();
    }

    /** The stream ended early: a resumable interruption unless the sender said it had sent everything. */
    public PackageRejectedException truncated(String why) {
        return rejectAndDiscard(reject(Reason.TRUNCATED, why));
    }

    private PackageRejectedException rejectAndDiscard(PackageRejectedException e) {
        String computed = computedHash();
        discard();
        return e.withComputedHash(computed);
    }

    /** Erases the spool: nothing of a rejected, abandoned or stored package remains on disk. */
    public void discard() {
        try {
            if (writer != null) {
                // no queued write may recreate a file of the deleted spool
                writer.quiesce();
            }
            FileErasure.eraseTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the rejected package in " + folder, e);
        }
    }

    private void saveProgress() throws IOException {
        Path temporary = folder.resolve(PROGRESS + ".tmp");
        Files.writeString(temporary, Integer.toString(received.size()));
        PackageLayout.sync(temporary);
        Files.move(temporary, folder.resolve(PROGRESS), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private void requireManifest() {
        if (manifest == null) {
            throw new IllegalStateException("the manifest has not been accepted yet");
        }
    }

    private static String leafOf(EntryKind kind, byte[] bytes) {
        return HexFormat.of().formatHex(MerkleTree.leafHash(kind, bytes));
    }

    private static PackageRejectedException reject(Reason reason, String detail) {
        return new PackageRejectedException(reason, detail, null);
    }

    public Path folder() {
        return folder;
    }
}
