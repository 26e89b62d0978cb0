package org.gbx.client.node;

/** Work that cannot be done yet (a key not arrived, a request not yet on this peer); the node tries again. */
final class RetryLater extends RuntimeException {

    RetryLater(String message) {
        super(message);
    }
}
