package org.gbx.client.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes verified entries to the spool on a thread of its own, so that writing one entry (page
 * cache copy and block allocation, a third of the receiving thread's time) overlaps verifying the
 * next. At most {@link #IN_FLIGHT} entries wait, which bounds the heap they hold; the thread ends
 * when idle. A failed write is reported at the next entry or at {@link #drain()}.
 */
final class SpoolWriter {

    static final int IN_FLIGHT = 8;

    private final PackageLayout layout;
    private final Semaphore room = new Semaphore(IN_FLIGHT);
    private final ExecutorService thread;
    private volatile IOException failure;

    SpoolWriter(PackageLayout layout) {
        this.layout = layout;
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, "gbx-spool-writer");
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        this.thread = executor;
    }

    /** Queues entry {@code index} for writing; waits while {@link #IN_FLIGHT} entries are queued. */
    void write(int index, byte[] bytes) throws IOException {
        rethrow();
        acquire(1);
        thread.execute(() -> {
            try {
                layout.write(index, bytes);
            } catch (IOException e) {
                failure = e;
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every queued entry is written; throws if any write failed. */
    void drain() throws IOException {
        quiesce();
        rethrow();
    }

    /** Waits until no write is queued or running, whether or not they succeeded. */
    void quiesce() {
        acquire(IN_FLIGHT);
        room.release(IN_FLIGHT);
    }

    private void acquire(int permits) {
        try {
            room.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while writing the spool", e));
        }
    }

    private void rethrow() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }
}
