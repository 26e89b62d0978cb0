package org.gbx.it;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * How the integration tests wait: for a condition (a block on another peer, a status, a log line),
 * never for a fixed time, and at most until a deadline, failing with what was awaited.
 *
 * <p>The deadline is generous because the machine may be busy (other networks beside this one on
 * two cores): a block reaches the other peers in well under a second when idle, in tens of seconds
 * under heavy load. A wait that succeeds costs only the time the condition took; only a real
 * failure waits the whole {@link #PATIENCE}. {@code GBX_TEST_PATIENCE_SECONDS} changes it.
 */
public final class Await {

    public static final Duration PATIENCE = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("GBX_TEST_PATIENCE_SECONDS", "120")));
    private static final long POLL_MILLIS = 200;

    private Await() {
    }

    /**
     * Asks {@code probe} until it answers a value, and returns that value.
     *
     * @param what what the test waits for, as the failure names it ("request X visible on Zhuhai's peer")
     * @param probe empty while the condition does not hold yet; what it throws ends the wait at once
     */
    public static <T> T until(String what, Duration limit, Callable<Optional<T>> probe) {
        long giveUp = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<T> answer;
            try {
                answer = probe.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("failed while waiting for " + what + ": " + e, e);
            }
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + "; it did not happen");
            }
            pause(what);
        }
    }

    /** Waits until {@code condition} holds, at most {@link #PATIENCE}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, PATIENCE, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
    }

    /** Like {@link #until(String, Duration, Callable)}, at most {@link #PATIENCE}. */
    public static <T> T until(String what, Callable<Optional<T>> probe) {
        return until(what, PATIENCE, probe);
    }

    private static void pause(String what) {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
