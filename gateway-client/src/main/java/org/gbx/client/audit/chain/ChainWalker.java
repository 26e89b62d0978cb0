package org.gbx.client.audit.chain;

/**
 * Verifies blocks one after another from a position, handing each checked block to a listener.
 * A block the source cannot deliver stops the walk with a {@link BlockSourceException}: the
 * position reached so far is what the listener last saw, so the walk can resume from there.
 */
public final class ChainWalker {

    /** Receives each block once it is verified, in order. */
    public interface Listener {
        void verified(BlockCheck check, ChainPosition next);
    }

    private final BlockVerifier verifier = new BlockVerifier();

    /** Verifies blocks {@code from.nextBlock()} up to (excluding) {@code height}; returns where it stopped. */
    public ChainPosition walk(BlockSource source, ChainPosition from, long height, Listener listener) {
        ChainPosition position = from;
        while (position.nextBlock() < height) {
            long number = position.nextBlock();
            BlockCheck check = verifier.verify(number, source.block(number), position.lastHeaderHash(),
                    position.trust());
            position = position.after(check);
            listener.verified(check, position);
        }
        return position;
    }
}
