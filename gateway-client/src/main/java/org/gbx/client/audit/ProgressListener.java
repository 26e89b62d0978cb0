package org.gbx.client.audit;

/** Told after each verified block, so a long verification shows how far it has come. */
public interface ProgressListener {

    void progress(long blocksDone, long blocksTotal);

    /** Called once when the walk ends, successfully or not. */
    default void finished() {
    }

    static ProgressListener silent() {
        return (done, total) -> { };
    }
}
