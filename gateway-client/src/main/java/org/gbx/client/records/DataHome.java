package org.gbx.client.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder one force's exchange data lives in on its own host: the embedded database (unless
 * PostgreSQL is used), CCTV clip files, received packages, the transfer spool and outbox, and the
 * node's event checkpoint. Nothing here is ever sent anywhere but to the counterpart node.
 */
public record DataHome(Path root) {

    public DataHome {
        root = root.toAbsolutePath().normalize();
    }

    /** The default H2 database file (without H2's {@code .mv.db} suffix). */
    public Path embeddedDatabase() {
        return root.resolve("records");
    }

    /** The force's own CCTV clips, one file per clip. */
    public Path clips() {
        return create(root.resolve("clips"));
    }

    /** Clips of verified, received packages, one folder per request. */
    public Path received() {
        return create(root.resolve("received"));
    }

    /** Incoming packages being fetched and verified; nothing here counts as received. */
    public Path incoming() {
        return create(root.resolve("incoming"));
    }

    /** Packages this force built for delivery, kept so a redelivery sends the same bytes. */
    public Path outbox() {
        return create(root.resolve("outbox"));
    }

    public Path eventCheckpoint() {
        return create(root.resolve("node")).resolve("events.checkpoint");
    }

    /** The lock one process at a time holds on this folder ({@link DataFolderLock}). */
    public Path lockFile() {
        return create(root.resolve("node")).resolve("lock");
    }

    /** The node's keys of live requests ({@code RequestKeyStore}); nothing else is ever written there. */
    public Path keys() {
        return create(root.resolve("node")).resolve("keys");
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
