package org.gbx.client.crypto;

/** Sealed data that does not open: the wrong key, another request's data, or altered bytes. */
public final class SealBrokenException extends RuntimeException {

    public SealBrokenException(String message) {
        super(message);
    }
}
