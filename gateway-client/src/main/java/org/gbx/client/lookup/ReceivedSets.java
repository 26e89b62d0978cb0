package org.gbx.client.lookup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The sets other forces sent this force, one current file per holder
 * ({@code <holder MSP>/epoch-NNNNNN-<digest>.set}). A set is kept only if its bytes hash to the
 * digest the holder committed on the ledger for that epoch; a newer one replaces it.
 */
public final class ReceivedSets {

    private final Path folder;

    public ReceivedSets(Path folder) {
        this.folder = folder;
    }

    /**
     * Stores a set as it arrives.
     *
     * @throws IOException when it is not a well-formed set, or does not match the ledger's digest
     */
    public void store(String holderMspId, int epoch, String ledgerDigest, InputStream arriving) throws IOException {
        Path holder = Files.createDirectories(folder.resolve(holderMspId));
        Path temporary = Files.createTempFile(holder, "incoming-", ".set");
        try {
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(arriving, sha256)) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            if (!digest.equals(ledgerDigest)) {
                throw new IOException("the set from " + holderMspId + " does not match the digest on the ledger");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(temporary))) {
                if (LookupSet.read(in).epoch() != epoch) {
                    throw new IOException("the set from " + holderMspId + " is of another epoch");
                }
            }
            Path target = holder.resolve(fileName(epoch, digest));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (var old = Files.list(holder)) {
                for (Path file : old.filter(f -> !f.equals(target) && f.toString().endsWith(".set")).toList()) {
                    Files.delete(file);
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public boolean holds(String holderMspId, int epoch, String digest) {
        return Files.isRegularFile(folder.resolve(holderMspId).resolve(fileName(epoch, digest)));
    }

    /** The holder's set of that epoch and digest, if this force received it. */
    public Optional<LookupSet> find(String holderMspId, int epoch, String digest) {
        Path file = folder.resolve(holderMspId).resolve(fileName(epoch, digest));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return Optional.of(LookupSet.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the stored set " + file + " cannot be read", e);
        }
    }

    private static String fileName(int epoch, String digest) {
        return String.format("epoch-%06d-%s.set", epoch, digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
