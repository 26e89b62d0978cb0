package org.gbx.client.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The force's CCTV clip files. Clips are written through a fixed buffer while being hashed, and
 * only appear under their final name once complete, so a half-written clip is never read.
 */
public final class ClipStore {

    /** What was stored: the size and the SHA-256 recorded beside the clip in {@code cctv_clip}. */
    public record StoredClip(String fileName, long sizeBytes, String sha256) {
    }

    private final Path folder;

    public ClipStore(Path folder) {
        this.folder = folder;
    }

    public StoredClip write(String fileName, InputStream content) {
        Path target = resolve(fileName);
        Path partial = target.resolveSibling(fileName + ".partial");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (InputStream in = new DigestInputStream(content, sha256);
                    OutputStream out = Files.newOutputStream(partial)) {
                size = in.transferTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new StoredClip(fileName, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new RecordsException("Cannot store clip " + fileName + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path resolve(String fileName) {
        if (!fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("not a clip file name");
        }
        return folder.resolve(fileName);
    }

    public void deleteAll() {
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + folder, e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
