package org.gbx.client.evidence;

/** A bundle that cannot even be read as a gbx evidence bundle; the message says why. */
public final class EvidenceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvidenceFormatException(String reason) {
        super(reason);
    }
}
