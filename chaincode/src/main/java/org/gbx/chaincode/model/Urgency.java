package org.gbx.chaincode.model;

import java.time.Duration;

/** How soon the target force must answer a request. */
public enum Urgency {
    URGENT(Duration.ofHours(8)),
    NORMAL(Duration.ofDays(7));

    private final Duration answerWindow;

    Urgency(Duration answerWindow) {
        this.answerWindow = answerWindow;
    }

    public Duration answerWindow() {
        return answerWindow;
    }
}
