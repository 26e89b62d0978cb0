package org.gbx.client.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gbx.client.erasure.FileErasure;

/**
 * A built, signed package in the sender's outbox: {@code manifest.json}, {@code manifest.p7s}
 * and the entries in {@link PackageLayout}. Kept until the request is destroyed, revoked or
 * expired, so that a resumed or repeated transfer sends exactly the bytes the ledger hash covers.
 */
public final class DeliveryPackage {

    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.p7s";

    private final byte[] manifestBytes;
    private final byte[] signature;
    private final Manifest manifest;
    private final PackageLayout layout;

    private DeliveryPackage(byte[] manifestBytes, byte[] signature, Manifest manifest, PackageLayout layout) {
        this.manifestBytes = manifestBytes;
        this.signature = signature;
        this.manifest = manifest;
        this.layout = layout;
    }

    public static DeliveryPackage open(Path folder) {
        try {
            byte[] manifestBytes = Files.readAllBytes(folder.resolve(MANIFEST));
            Manifest manifest = Manifest.parse(manifestBytes);
            return new DeliveryPackage(manifestBytes, Files.readAllBytes(folder.resolve(SIGNATURE)), manifest,
                    PackageLayout.of(manifest, folder));
        } catch (IOException e) {
            throw new UncheckedIOException("the package in " + folder + " cannot be read", e);
        }
    }

    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(MANIFEST)) && Files.isRegularFile(folder.resolve(SIGNATURE));
    }

    /** Erases a package folder from the outbox, e.g. when its grant ended (clips linked from the force's own files are only unlinked). */
    public static void delete(Path folder) throws IOException {
        FileErasure.eraseTree(folder);
    }

    public Manifest manifest() {
        return manifest;
    }

    public byte[] manifestBytes() {
        return manifestBytes.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    public int entryCount() {
        return layout.size();
    }

    /** Entry {@code index}: one record, or one chunk (at most the chunk size) of a clip. */
    public byte[] readEntry(int index) throws IOException {
        return layout.read(index);
    }

    public Path folder() {
        return layout.folder();
    }
}
