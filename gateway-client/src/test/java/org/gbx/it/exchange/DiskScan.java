package org.gbx.it.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Searches every byte of every file under some folders for identifiers, as a forensic reader of
 * the disk would: the files as they are (state databases, private-data and transient stores,
 * block files, write-ahead logs, H2 files, logs), each identifier as its UTF-8 bytes. Large files
 * are read in overlapping chunks; blocks of zeros (pre-allocated logs) are skipped.
 */
final class DiskScan {

    private static final int CHUNK = 4 << 20;

    /** What a scan read and what it found; a hit names the file and the identifier's length only. */
    record Result(int files, long bytes, List<String> hits) {
    }

    private final IdentifierSearch search;
    private final int overlap;

    DiskScan(Collection<String> identifiers) {
        List<String> asBytes = identifiers.stream()
                .map(id -> new String(id.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).toList();
        this.search = new IdentifierSearch(asBytes);
        this.overlap = asBytes.stream().mapToInt(String::length).max().orElse(1);
    }

    Result scan(Collection<Path> roots, Predicate<Path> skipped) throws IOException {
        int files = 0;
        long bytes = 0;
        List<String> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path file : paths.filter(Files::isRegularFile).filter(skipped.negate()).toList()) {
                    long size = scanFile(file, hits);
                    if (size >= 0) {
                        files++;
                        bytes += size;
                    }
                }
            }
        }
        return new Result(files, bytes, hits);
    }

    /** The file's size, or -1 when it vanished meanwhile (a node's temporary file). */
    private long scanFile(Path file, List<String> hits) throws IOException {
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[CHUNK + overlap];
            int carried = 0;
            while (true) {
                int read = in.readNBytes(buffer, carried, CHUNK);
                if (read <= 0) {
                    break;
                }
                size += read;
                int length = carried + read;
                if (!allZero(buffer, carried, length)) {
                    for (String hit : search.find(new String(buffer, 0, length, StandardCharsets.ISO_8859_1))) {
                        hits.add(file + " holds a seeded identifier of " + hit.length() + " bytes");
                    }
                }
                carried = Math.min(overlap - 1, length);
                System.arraycopy(buffer, length - carried, buffer, 0, carried);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            return -1;
        }
        return size;
    }

    private static boolean allZero(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
