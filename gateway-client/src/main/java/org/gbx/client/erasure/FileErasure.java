package org.gbx.client.erasure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes files so their bytes are gone, not just unlinked: each file is overwritten in place with
 * zeros, synced, then unlinked, and its folder synced. On a filesystem that writes in place
 * (ext4, XFS; not btrfs or ZFS, which copy on write) the overwrite reaches the very blocks that
 * held the data. A hard link to a file owned elsewhere (a force's own clip linked into its
 * outbox) is only unlinked: overwriting it would destroy the original.
 */
public final class FileErasure {

    private static final int BLOCK = 64 * 1024;

    private FileErasure() {
    }

    /** Overwrites and unlinks one file; nothing happens if it does not exist. */
    public static void erase(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(file);
            return;
        }
        if (linkCount(file) <= 1) {
            overwrite(file);
        }
        Files.delete(file);
        syncFolder(file.toAbsolutePath().getParent());
    }

    /** Erases every file below {@code folder}, then removes the folders. */
    public static void eraseTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(path);
                } else {
                    erase(path);
                }
            }
        }
        syncFolder(folder.toAbsolutePath().getParent());
    }

    /** Makes a rename, creation or unlink in {@code folder} durable. */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void overwrite(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer zeros = ByteBuffer.allocate(BLOCK);
            for (long at = 0; at < size; at += BLOCK) {
                zeros.clear().limit((int) Math.min(BLOCK, size - at));
                while (zeros.hasRemaining()) {
                    channel.write(zeros, at + zeros.position());
                }
            }
            channel.force(true);
        }
    }

    private static int linkCount(Path file) throws IOException {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }
}
