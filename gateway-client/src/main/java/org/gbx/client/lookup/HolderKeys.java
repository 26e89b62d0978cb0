package org.gbx.client.lookup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gbx.client.lookup.oprf.OprfKeyPair;

/**
 * The holder's OPRF secret keys, one file per epoch in {@code <data>/lookup/keys/} (owner-only,
 * written atomically), made on the force's own host and never sent anywhere. The current epoch and
 * the one before it are kept, so a lookup recorded just before a rotation can still be answered;
 * older keys are deleted.
 */
public final class HolderKeys {

    private static final Pattern FILE = Pattern.compile("epoch-(\\d{6})\\.key");

    private final Path folder;
    private final SecureRandom random;

    public HolderKeys(Path folder, SecureRandom random) {
        this.folder = folder;
        this.random = random;
    }

    /** The newest key and its epoch, if any was made here. */
    public Optional<EpochKey> current() {
        TreeMap<Integer, Path> keys = list();
        return keys.isEmpty() ? Optional.empty() : Optional.of(load(keys.lastKey(), keys.lastEntry().getValue()));
    }

    public Optional<EpochKey> of(int epoch) {
        Path file = folder.resolve(fileName(epoch));
        return Files.isRegularFile(file) ? Optional.of(load(epoch, file)) : Optional.empty();
    }

    /** Makes the key of {@code epoch}, keeps the one before, deletes every other (older, or never published). */
    public EpochKey create(int epoch) {
        OprfKeyPair key = OprfKeyPair.generate(random);
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "new-", ".key",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, HexFormat.of().formatHex(key.secretKeyBytes()));
            Files.move(temporary, folder.resolve(fileName(epoch)), StandardCopyOption.ATOMIC_MOVE);
            for (var entry : list().entrySet()) {
                if (entry.getKey() != epoch && entry.getKey() != epoch - 1) {
                    Files.delete(entry.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the lookup key in " + folder, e);
        }
        return new EpochKey(epoch, key);
    }

    /** A secret key and the epoch it was published under. */
    public record EpochKey(int epoch, OprfKeyPair key) {
    }

    private TreeMap<Integer, Path> list() {
        TreeMap<Integer, Path> keys = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return keys;
        }
        try (var files = Files.list(folder)) {
            files.forEach(file -> {
                Matcher m = FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    keys.put(Integer.parseInt(m.group(1)), file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return keys;
    }

    private static EpochKey load(int epoch, Path file) {
        try {
            return new EpochKey(epoch, OprfKeyPair.fromSecretKey(HexFormat.of().parseHex(Files.readString(file).strip())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lookup key " + file, e);
        }
    }

    private static String fileName(int epoch) {
        return String.format("epoch-%06d.key", epoch);
    }
}
