package org.gbx.client.delivery;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each entry of a package lies in a package folder, the same on the sending side (outbox)
 * and the receiving side (spool): records one after another in {@code records.bin}; the chunks of
 * a clip in {@code clips/<n>.bin}, where n is the position of the clip's record among the records.
 * A chunk always follows its record and the record's earlier chunks.
 */
final class PackageLayout {

    static final String RECORDS = "records.bin";
    static final String CLIPS = "clips";

    /** A byte range of one file of the package folder. */
    record Location(Path file, long offset, int length) {
    }

    private final Path folder;
    private final List<Location> locations;

    private PackageLayout(Path folder, List<Location> locations) {
        this.folder = folder;
        this.locations = locations;
    }

    static PackageLayout of(Manifest manifest, Path folder) {
        List<Location> locations = new ArrayList<>(manifest.entries().size());
        long recordOffset = 0;
        int record = -1;
        long chunkOffset = 0;
        for (ManifestEntry entry : manifest.entries()) {
            if (entry.size() < 0 || entry.size() > Math.max(manifest.chunkSize(), Integer.MAX_VALUE / 2)) {
                throw layoutError("an entry has an impossible size");
            }
            if (entry.kind() == EntryKind.RECORD) {
                record++;
                chunkOffset = 0;
                locations.add(new Location(folder.resolve(RECORDS), recordOffset, (int) entry.size()));
                recordOffset += entry.size();
            } else {
                if (record < 0 || entry.size() > manifest.chunkSize() || entry.size() == 0) {
                    throw layoutError("a chunk comes before any record or exceeds the chunk size");
                }
                locations.add(new Location(clipFile(folder, record), chunkOffset, (int) entry.size()));
                chunkOffset += entry.size();
            }
        }
        return new PackageLayout(folder, locations);
    }

    static Path clipFile(Path folder, int recordPosition) {
        return folder.resolve(CLIPS).resolve(recordPosition + ".bin");
    }

    int size() {
        return locations.size();
    }

    Location location(int index) {
        return locations.get(index);
    }

    byte[] read(int index) throws IOException {
        Location at = locations.get(index);
        byte[] bytes = new byte[at.length()];
        try (RandomAccessFile file = new RandomAccessFile(at.file().toFile(), "r")) {
            file.seek(at.offset());
            file.readFully(bytes);
        }
        return bytes;
    }

    void write(int index, byte[] bytes) throws IOException {
        Location at = locations.get(index);
        Files.createDirectories(at.file().getParent());
        try (RandomAccessFile file = new RandomAccessFile(at.file().toFile(), "rw")) {
            file.seek(at.offset());
            file.write(bytes);
        }
    }

    /** Flushes a file's written bytes to the disk (any descriptor of the file will do). */
    static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    Path folder() {
        return folder;
    }

    private static PackageRejectedException layoutError(String why) {
        return new PackageRejectedException(PackageRejectedException.Reason.MALFORMED, why, null);
    }
}
