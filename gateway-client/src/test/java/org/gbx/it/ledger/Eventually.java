package org.gbx.it.ledger;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded waiting for the network to catch up: a block committed on one organisation's peer
 * reaches the other peers (and a purge takes effect) a moment later.
 */
final class Eventually {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    private Eventually() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} after {@link #PATIENCE}. */
    static void await(String what, BooleanSupplier condition) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("still not true after " + PATIENCE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what, e);
            }
        }
    }
}
