package org.gbx.client.transfer;

/** Told of a transfer's progress, e.g. to show a progress bar or log how far a resumed transfer got. */
public interface TransferListener {

    TransferListener NONE = (requestId, verified, total) -> { };

    /** Called after entry {@code verified - 1} was checked and written to the spool. */
    void verified(String requestId, int verified, int total);
}
