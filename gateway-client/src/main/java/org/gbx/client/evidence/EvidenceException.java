package org.gbx.client.evidence;

/** An evidence step that cannot proceed; the reason keys a translated CLI message. */
public final class EvidenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** This force's store holds no such record for the request (never received, or destroyed). */
        RECORD_NOT_HELD,
        /** The owner's outbox no longer keeps the delivered package (destroyed, revoked or expired). */
        PACKAGE_NOT_KEPT,
        /** The ledger shows no delivery transaction for the package the owner keeps. */
        DELIVERY_NOT_FOUND,
        /** The record has not been endorsed yet. */
        NOT_ENDORSED,
        /** The court's CA folder holds no {@code <MSPID>.pem}. */
        CA_FOLDER_EMPTY,
        /** A CA file holds no readable X.509 certificate. */
        CA_FILE_UNREADABLE
    }

    private final Reason reason;
    private final transient Object[] arguments;

    public EvidenceException(Reason reason, Object... arguments) {
        super(reason + " " + java.util.Arrays.toString(arguments));
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
