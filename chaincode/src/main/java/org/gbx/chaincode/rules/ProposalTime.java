package org.gbx.chaincode.rules;

import static org.gbx.chaincode.ErrorCode.TIMESTAMP_OUT_OF_WINDOW;

import java.time.Duration;
import java.time.Instant;

/**
 * The time of a transaction as the ledger can trust it. The timestamp is the client's own choice;
 * each force's chaincode endorses a proposal only while that timestamp is within {@link #WINDOW} of
 * its own host's clock, the one deliberate use of a clock in the chaincode: it decides only whether
 * this peer endorses, never what is written, and both forces must endorse every change of an
 * exchange, so each force protects itself. The real time of the endorsement is then in
 * [{@link #earliest()}, {@link #latest()}] (given the forces' clocks are in sync), and every
 * deadline rule decides on the side of that interval that cannot favour the client.
 */
public final class ProposalTime {
    /** How far a proposal's timestamp may be from the endorsing host's clock (docs/ledger.md, "Time"). */
    public static final Duration WINDOW = Duration.ofSeconds(60);

    private final Instant timestamp;

    private ProposalTime(Instant timestamp) {
        this.timestamp = timestamp;
    }

    /** The proposal's time, refused when it is outside the window around this host's clock. */
    public static ProposalTime endorsedAt(Instant timestamp, Instant hostClock) {
        if (timestamp == null || Duration.between(timestamp, hostClock).abs().compareTo(WINDOW) > 0) {
            throw TIMESTAMP_OUT_OF_WINDOW.refuse("the proposal's timestamp is more than " + WINDOW.toSeconds()
                    + " s from this peer's clock; check the clock of the client's computer");
        }
        return new ProposalTime(timestamp);
    }

    /** The timestamp the ledger records: what the client proposed. */
    public Instant recorded() {
        return timestamp;
    }

    /** The earliest the endorsement can really have happened. */
    public Instant earliest() {
        return timestamp.minus(WINDOW);
    }

    /** The latest the endorsement can really have happened. */
    public Instant latest() {
        return timestamp.plus(WINDOW);
    }
}
