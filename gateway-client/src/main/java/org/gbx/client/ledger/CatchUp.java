package org.gbx.client.ledger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A block commits on one organisation's peer a moment before another's; on a busy machine, seconds
 * before. In that moment a peer that has not caught up answers from an older ledger: "no such
 * request", a status that does not allow the step, or an endorsement that differs from the other
 * force's. Such a call wrote nothing (a refused or mismatched endorsement never reaches the ordering
 * service; a query changes nothing), so it may be tried again once that peer has caught up. This
 * finds whether a peer is behind the others, by the peers' own block heights, and waits for it:
 * on the caller's own peer by following its block stream, on another organisation's peer by asking
 * its height at short intervals, in both cases up to a bounded patience.
 */
final class CatchUp {

    /** Refusals a peer that is behind can give although the up-to-date ledger would allow the step. */
    static final Set<String> STALE_STATE_CODES = Set.of("NOT_FOUND", "ILLEGAL_TRANSITION", "ORG_SUSPENDED",
            "SUSPENSION_UNCHANGED", "DETAILS_UNAVAILABLE");

    /** Never waits: for a ledger without access to the peers' heights (tests of other concerns). */
    static final CatchUp NONE = new CatchUp(null, "", Duration.ZERO, ignored -> { });

    /** Waits between height checks of another organisation's peer; a seam so tests need not sleep. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration MAX_POLL = Duration.ofSeconds(1);

    private final PeerHeights heights;
    private final String ownMspId;
    private final Duration patience;
    private final Pause pause;

    CatchUp(PeerHeights heights, String ownMspId, Duration patience, Pause pause) {
        this.heights = heights;
        this.ownMspId = ownMspId;
        this.patience = patience;
        this.pause = pause;
    }

    static boolean isMismatch(EndorsementFailedException failure) {
        return failure.gatewayMessage().contains("do not match")
                || failure.refusals().stream().anyMatch(r -> r.message().contains("do not match"));
    }

    /**
     * Waits until each peer of {@code mspIds} holds as many blocks as the highest of them did when
     * asked. Answers whether any was behind (so a retry may now succeed); throws
     * {@link PeerBehindException} if one does not catch up within the patience.
     */
    boolean awaitEven(String transactionName, List<String> mspIds) {
        return awaitEven(transactionName, mspIds, mspId -> true);
    }

    /** As {@link #awaitEven(String, List)}, but only the caller's own peer must catch up (for a query it answers). */
    boolean awaitOwnPeer(String transactionName, List<String> mspIds) {
        return awaitEven(transactionName, mspIds, ownMspId::equals);
    }

    private boolean awaitEven(String transactionName, List<String> mspIds, java.util.function.Predicate<String> waitFor) {
        if (heights == null || mspIds.size() < 2) {
            return false;
        }
        Map<String, Long> seen = new LinkedHashMap<>();
        for (String mspId : mspIds) {
            seen.put(mspId, heights.of(mspId));
        }
        Map.Entry<String, Long> ahead = seen.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        long target = ahead.getValue();
        boolean anyBehind = false;
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        for (Map.Entry<String, Long> peer : seen.entrySet()) {
            if (peer.getValue() >= target || !waitFor.test(peer.getKey())) {
                continue;
            }
            anyBehind = true;
            long reached = peer.getKey().equals(ownMspId) ? awaitOwn(peer.getValue(), target, deadline)
                    : poll(peer.getKey(), peer.getValue(), target, deadline);
            if (reached < target) {
                throw new PeerBehindException(transactionName, peer.getKey(), reached, ahead.getKey(), target,
                        Duration.ofNanos(System.nanoTime() - start));
            }
        }
        return anyBehind;
    }

    private long awaitOwn(long from, long target, long deadline) {
        long reached = heights.awaitOwn(from, target, deadline);
        // the stream ends at the deadline; ask once more, in case the block came just then
        return reached >= target ? reached : heights.of(ownMspId);
    }

    private long poll(String mspId, long height, long target, long deadline) {
        long reached = height;
        Duration wait = FIRST_POLL;
        while (reached < target && System.nanoTime() < deadline) {
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reached;
            }
            reached = heights.of(mspId);
            wait = wait.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : wait.multipliedBy(2);
        }
        return reached;
    }
}
