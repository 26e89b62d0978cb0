package org.gbx.client.model;

import java.nio.charset.StandardCharsets;

/**
 * The private case details of a request (subject identifiers, narrative, requested fields): sent
 * only as transient data to the two forces' peers, never as an argument, never logged. The bytes
 * are opaque to the ledger, which keeps only their SHA-256.
 */
public final class CaseDetails {

    private final byte[] bytes;

    private CaseDetails(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static CaseDetails of(byte[] bytes) {
        return new CaseDetails(bytes);
    }

    public static CaseDetails of(String text) {
        return new CaseDetails(text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Deliberately reveals nothing, so details cannot leak through a log line or exception. */
    @Override
    public String toString() {
        return "CaseDetails[" + bytes.length + " bytes]";
    }
}
