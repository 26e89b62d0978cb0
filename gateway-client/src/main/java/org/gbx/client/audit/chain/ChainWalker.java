package org.gbx.client.audit.chain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies blocks one after another from a position, handing each checked block to a listener.
 * A block the source cannot deliver stops the walk with a {@link BlockSourceException}: the
 * position reached so far is what the listener last saw, so the walk can resume from there.
 */
public final class ChainWalker {

    /** Receives each block once it is verified, in order. */
    public interface Listener {
        void verified(BlockCheck check, ChainPosition next);
    }

    private final BlockVerifier verifier = new BlockVerifier();

    /** Verifies blocks {@code from.nextBlock()} up to (excluding) {@code height}; returns where it stopped. */
    public ChainPosition walk(BlockSource source, ChainPosition from, long height, Listener listener) {
        ChainPosition position = from;
        try (Prefetch blocks = new Prefetch(source, from.nextBlock(), height)) {
            while (position.nextBlock() < height) {
                long number = position.nextBlock();
                BlockCheck check = verifier.verify(number, blocks.next(), position.lastHeaderHash(),
                        position.trust());
                position = position.after(check);
                listener.verified(check, position);
            }
        }
        return position;
    }

    /**
     * Fetches the blocks ahead of the walk while it verifies, so reading a block overlaps checking
     * the one before. One thread calls the source, in block order, and never past the height: a
     * source need not be thread-safe (a saving source writes files). After a block the source cannot
     * deliver it asks for no more, so a saved copy ends where the walk stops instead of having a gap.
     */
    private static final class Prefetch implements AutoCloseable {

        /** Enough to hide a peer's answer time behind verification; each block is a few hundred KB. */
        private static final int AHEAD = 4;

        private final BlockSource source;
        private final long height;
        private final ExecutorService fetcher = Executors.newSingleThreadExecutor(
                task -> new Thread(task, "block-prefetch"));
        private final Deque<Future<byte[]>> ahead = new ArrayDeque<>();
        private long requested;
        /** Read and written on the fetch thread only. */
        private boolean failed;

        Prefetch(BlockSource source, long from, long height) {
            this.source = source;
            this.height = height;
            this.requested = from;
            requestAhead();
        }

        /** The next block's bytes, or the failure the source gave for it, as the source threw it. */
        byte[] next() {
            Future<byte[]> next = ahead.removeFirst();
            requestAhead();
            try {
                return next.get();
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BlockSourceException("interrupted while waiting for a block from " + source.description(),
                        e);
            }
        }

        private void requestAhead() {
            while (ahead.size() < AHEAD && requested < height) {
                long number = requested++;
                ahead.addLast(fetcher.submit(() -> fetch(number)));
            }
        }

        private byte[] fetch(long number) {
            if (failed) {
                throw new BlockSourceException("block " + number + " was not fetched: an earlier block failed");
            }
            try {
                return source.block(number);
            } catch (RuntimeException | Error e) {
                failed = true;
                throw e;
            }
        }

        /** {@link #fetch} throws nothing checked; the caller sees what the source threw, unwrapped. */
        private static RuntimeException rethrown(Throwable cause) {
            if (cause instanceof Error error) {
                throw error;
            }
            return (RuntimeException) cause;
        }

        /** Unfetched blocks are dropped; one being fetched completes (a saved file is not cut short). */
        @Override
        public void close() {
            ahead.forEach(future -> future.cancel(false));
            fetcher.shutdown();
        }
    }
}
