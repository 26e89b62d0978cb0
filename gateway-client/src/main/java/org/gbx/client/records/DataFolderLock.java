package org.gbx.client.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One process at a time acts on a force's data folder: its exchange node, or a seeding run while
 * no node is up. An operating-system lock on {@code node/lock}, which the kernel releases when
 * the holder dies however it dies (even {@code kill -9}); the file names the holder's pid so a
 * refused second process can say who holds it.
 */
public final class DataFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param holder what this process is, for the refusal another one gets ("exchange node")
     * @throws DataFolderInUseException when another process (or this one) holds the folder
     */
    public static DataFolderLock acquire(DataHome home, String holder) {
        Path file = home.lockFile();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String current = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DataFolderInUseException(home.root(), current);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " " + holder + " since "
                    + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data folder " + home.root(), e);
        }
    }

    /** Releases the folder; closing twice (a shutdown hook and the owner both) is harmless. */
    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
