package org.gbx.client.audit.chain;

/** A block could not be read from its source (peer unreachable in time, file missing or unreadable). */
public final class BlockSourceException extends RuntimeException {

    public BlockSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public BlockSourceException(String message) {
        super(message);
    }
}
