package org.gbx.client.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A saved copy of the ledger: one file per block, {@code <number>.block}, holding the block's
 * bytes as the peer served them. The committee keeps such copies and re-verifies them later or
 * elsewhere; a copy altered by even one byte fails verification at the altered block.
 */
public final class SavedBlocks implements BlockSource {

    private static final Pattern FILE = Pattern.compile("(\\d+)\\.block");

    private final Path directory;

    public SavedBlocks(Path directory) {
        this.directory = directory;
    }

    public static Path fileOf(Path directory, long number) {
        return directory.resolve(number + ".block");
    }

    /** Writes one block into the copy (replacing a file of the same number). */
    public static void save(Path directory, long number, byte[] block) {
        try {
            Files.createDirectories(directory);
            Files.write(fileOf(directory, number), block);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save block " + number + " to " + directory, e);
        }
    }

    /** One past the highest block number present; gaps are reported when the missing block is read. */
    @Override
    public long height() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> FILE.matcher(p.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1)) + 1)
                    .max().orElse(0);
        } catch (IOException e) {
            throw new BlockSourceException("cannot list the saved blocks in " + directory, e);
        }
    }

    @Override
    public byte[] block(long number) {
        Path file = fileOf(directory, number);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BlockSourceException("block " + number + " is missing from the saved copy (" + file + ")", e);
        }
    }

    @Override
    public String description() {
        return "saved copy " + directory.toAbsolutePath();
    }
}
