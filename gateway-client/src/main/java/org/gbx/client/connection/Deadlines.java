package org.gbx.client.connection;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;

/**
 * How long each step of a ledger call may take. Every remote call gets one of these, so a
 * stalled peer or orderer surfaces as an error instead of a hung officer.
 */
public record Deadlines(Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {

    public static Deadlines defaults() {
        return new Deadlines(Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(10),
                Duration.ofMinutes(1));
    }

    public CallOption evaluateOption() {
        return after(evaluate);
    }

    public CallOption endorseOption() {
        return after(endorse);
    }

    public CallOption submitOption() {
        return after(submit);
    }

    public CallOption commitStatusOption() {
        return after(commitStatus);
    }

    private static CallOption after(Duration duration) {
        return CallOption.deadlineAfter(duration.toMillis(), TimeUnit.MILLISECONDS);
    }
}
