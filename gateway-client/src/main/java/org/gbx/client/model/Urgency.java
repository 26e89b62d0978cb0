package org.gbx.client.model;

/** How soon the target force must answer: URGENT within 8 hours, NORMAL within 7 days. */
public enum Urgency {
    URGENT, NORMAL
}
