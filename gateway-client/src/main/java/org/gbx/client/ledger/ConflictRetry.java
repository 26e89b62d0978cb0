package org.gbx.client.ledger;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * When and how long to wait before endorsing a fresh proposal again. Read conflicts are normal
 * when several officers act on one request at once; the retry must re-read state, so it is a new
 * proposal, never a resubmission of the old envelope.
 */
public record ConflictRetry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    /**
     * Read conflicts, and the policy failure a peer reports instead when a transaction earlier in
     * the same block rewrote the key-level endorsement policy of a key this one writes (the
     * chaincode sets it on every request write). Callers name endorsers that satisfy the documented
     * policy, so a policy failure is that race; a genuine one still ends after the bounded attempts.
     */
    private static final Set<TxValidationCode> RETRYABLE = Set.of(TxValidationCode.MVCC_READ_CONFLICT,
            TxValidationCode.PHANTOM_READ_CONFLICT, TxValidationCode.ENDORSEMENT_POLICY_FAILURE);

    public ConflictRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /**
     * Each block commits at most one change to a request, so N officers acting on one request at
     * once need up to N rounds; 30 attempts cover the 20 the tests drive, with room to spare.
     */
    public static ConflictRetry defaults() {
        return new ConflictRetry(30, Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    boolean isRetryable(TxValidationCode code) {
        return RETRYABLE.contains(code);
    }

    /**
     * Peers at different heights simulate against different versions and their endorsements do
     * not match; the same race as a read conflict, caught one step earlier.
     */
    boolean isRetryable(EndorsementFailedException failure) {
        return CatchUp.isMismatch(failure);
    }

    /** Full-jitter exponential backoff, so competing clients spread over different blocks. */
    Duration backoffBefore(int nextAttempt) {
        long cap = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(nextAttempt - 1, 16));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(firstBackoff.toMillis(), Math.max(cap, firstBackoff.toMillis()) + 1));
    }
}
