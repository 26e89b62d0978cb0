package org.gbx.client.records;

/** The force's own database or clip files could not be read or written; the message says which. */
public final class RecordsException extends RuntimeException {

    public RecordsException(String message, Throwable cause) {
        super(message, cause);
    }

    public RecordsException(String message) {
        super(message);
    }
}
