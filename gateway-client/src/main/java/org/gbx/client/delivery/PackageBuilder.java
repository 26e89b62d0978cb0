package org.gbx.client.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.gbx.client.erasure.FileErasure;
import org.gbx.client.records.SourceRecord;

/**
 * Builds the delivery package for one request from the records the grant allows: each record in
 * canonical JSON as a leaf, each clip cut into fixed-size chunks, each chunk a leaf; then the
 * manifest over all leaves, signed by the sending force. Clips are read one chunk at a time, so
 * memory use does not grow with their size. The same records give the same manifest and hash.
 */
public final class PackageBuilder {

    /** 1 MiB: small enough for one gRPC message, large enough that a 1 GiB clip is 1024 leaves. */
    public static final int DEFAULT_CHUNK_SIZE = 1 << 20;

    private final ManifestSigner signer;
    private final int chunkSize;

    public PackageBuilder(ManifestSigner signer, int chunkSize) {
        this.signer = signer;
        this.chunkSize = chunkSize;
    }

    /** Who the package is for; categories are the delivered ones, as recorded on the ledger. */
    public record Addressing(String requestId, String senderOrg, String requesterOrg, List<String> categories) {
    }

    /** Writes the package into {@code folder} (replacing a half-built one) and returns it. */
    public DeliveryPackage build(Addressing addressing, List<SourceRecord> records, Path folder) {
        Path building = folder.resolveSibling(folder.getFileName() + ".building");
        try {
            FileErasure.eraseTree(building);
            Files.createDirectories(building.resolve(PackageLayout.CLIPS));
            List<ManifestEntry> entries = new ArrayList<>();
            try (var out = Files.newOutputStream(building.resolve(PackageLayout.RECORDS))) {
                for (int position = 0; position < records.size(); position++) {
                    SourceRecord record = records.get(position);
                    byte[] canonical = CanonicalJson.bytes(record.toJsonTree());
                    out.write(canonical);
                    entries.add(entry(EntryKind.RECORD, canonical, canonical.length));
                    if (record.clip().isPresent()) {
                        Path clip = PackageLayout.clipFile(building, position);
                        linkOrCopy(record.clip().get().file(), clip);
                        addChunks(clip, entries);
                    }
                }
            }
            Manifest manifest = Manifest.over(addressing.requestId(), addressing.senderOrg(),
                    addressing.requesterOrg(), addressing.categories(), chunkSize, entries);
            byte[] manifestBytes = manifest.canonicalBytes();
            Files.write(building.resolve(DeliveryPackage.SIGNATURE), signer.sign(manifestBytes));
            Files.write(building.resolve(DeliveryPackage.MANIFEST), manifestBytes);
            FileErasure.eraseTree(folder);
            Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
            return DeliveryPackage.open(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the package for request " + addressing.requestId(), e);
        }
    }

    private void addChunks(Path clip, List<ManifestEntry> entries) throws IOException {
        byte[] buffer = new byte[chunkSize];
        try (InputStream in = Files.newInputStream(clip)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, chunkSize)) > 0) {
                entries.add(new ManifestEntry(EntryKind.CHUNK,
                        HexFormat.of().formatHex(MerkleTree.leafHash(EntryKind.CHUNK, buffer, 0, n)), n));
            }
        }
    }

    private static ManifestEntry entry(EntryKind kind, byte[] bytes, int length) {
        return new ManifestEntry(kind, HexFormat.of().formatHex(MerkleTree.leafHash(kind, bytes, 0, length)), length);
    }

    /** Clips are immutable once stored, so a hard link saves copying gigabytes; copy across disks. */
    private static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
