package org.gbx.client.audit.chain;

/**
 * Where the committee reads blocks from: its own peer, another organisation's peer, or a saved
 * copy. Verification never trusts the source; it only needs the raw block bytes.
 */
public interface BlockSource extends AutoCloseable {

    /** Number of blocks the source holds (the next block number). */
    long height();

    /** The serialised {@code common.Block} with this number, exactly as the source holds it. */
    byte[] block(long number);

    /** Names the source in reports and statements, e.g. {@code peer 127.0.0.1:9051 (OversightMSP)}. */
    String description();

    @Override
    default void close() {
    }
}
