package org.gbx.client.ledger;

import java.time.Duration;

/**
 * An organisation's peer had not committed blocks another peer already had, and did not catch up
 * within the wait: the call failed for that reason alone and wrote nothing (it never reached the
 * ordering service), so trying again a little later is safe.
 */
public final class PeerBehindException extends LedgerException {

    private final String laggingMspId;
    private final long laggingHeight;
    private final String aheadMspId;
    private final long aheadHeight;
    private final Duration waited;

    PeerBehindException(String transactionName, String laggingMspId, long laggingHeight, String aheadMspId,
            long aheadHeight, Duration waited) {
        super(transactionName, "the peer of " + laggingMspId + " holds " + laggingHeight + " blocks, "
                + aheadMspId + " holds " + aheadHeight + "; waited " + waited.toMillis() + " ms", null);
        this.laggingMspId = laggingMspId;
        this.laggingHeight = laggingHeight;
        this.aheadMspId = aheadMspId;
        this.aheadHeight = aheadHeight;
        this.waited = waited;
    }

    public String laggingMspId() {
        return laggingMspId;
    }

    public long laggingHeight() {
        return laggingHeight;
    }

    public String aheadMspId() {
        return aheadMspId;
    }

    public long aheadHeight() {
        return aheadHeight;
    }

    public Duration waited() {
        return waited;
    }
}
