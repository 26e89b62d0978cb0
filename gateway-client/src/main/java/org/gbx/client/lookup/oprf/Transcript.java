package org.gbx.client.lookup.oprf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hash inputs of RFC 9497: byte strings each prefixed with I2OSP(len, 2), then a label. */
final class Transcript {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

    /** Appends I2OSP(len(value), 2) || value; inputs are limited to 2^16 - 1 bytes (RFC 9497 §7.2). */
    Transcript lengthPrefixed(byte[] value) {
        if (value.length > 0xFFFF) {
            throw new OprfException(OprfException.Reason.INVALID_INPUT, "inputs are at most 65535 bytes");
        }
        bytes.write(value.length >>> 8);
        bytes.write(value.length);
        bytes.writeBytes(value);
        return this;
    }

    Transcript i2osp2(int value) {
        bytes.write(value >>> 8);
        bytes.write(value);
        return this;
    }

    Transcript label(String label) {
        bytes.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    Transcript raw(byte[] value) {
        bytes.writeBytes(value);
        return this;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    byte[] sha256() {
        return sha256(bytes.toByteArray());
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Finalize's hash: I2OSP(len(input), 2) || input || I2OSP(len(element), 2) || element || "Finalize". */
    static byte[] finalizeHash(byte[] input, byte[] unblindedElement) {
        return new Transcript().lengthPrefixed(input).lengthPrefixed(unblindedElement).label("Finalize").sha256();
    }
}
