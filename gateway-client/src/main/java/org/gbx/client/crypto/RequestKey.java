package org.gbx.client.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fresh 256-bit AES key for one request's data (its case details, or what a force received for
 * it). Only the two forces' exchange nodes keep it; deleting it is what destroys the data. Never
 * printed: {@link #toString} shows nothing of it.
 */
public final class RequestKey {

    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private RequestKey(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a request key has " + BYTES + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static RequestKey generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        RequestKey key = new RequestKey(bytes);
        Arrays.fill(bytes, (byte) 0);
        return key;
    }

    public static RequestKey of(byte[] bytes) {
        return new RequestKey(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    SecretKeySpec spec() {
        return new SecretKeySpec(bytes, "AES");
    }

    /**
     * HMAC-SHA256 of {@code label ‖ 0x00 ‖ requestId} under this key, hex: binds a ciphertext to
     * exactly one key (AES-GCM alone does not), and reveals nothing of the key.
     */
    public String commitment(String label, String requestId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(requestId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Overwrites the key in memory; the object is useless afterwards. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestKey key && MessageDigest.isEqual(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return 0; // keys are compared, never hashed into tables by their value
    }

    @Override
    public String toString() {
        return "RequestKey[hidden]";
    }
}
