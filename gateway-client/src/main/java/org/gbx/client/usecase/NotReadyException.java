package org.gbx.client.usecase;

/**
 * A use case stopped before it wrote anything to the ledger, because something it can check
 * locally is not right. The officer corrects it and tries again (gbx: exit code 2).
 */
public final class NotReadyException extends RuntimeException {

    /** What is not ready; the arguments say more, in this order. */
    public enum Reason {
        /** The case details are empty or larger than can be sealed (size, limit). */
        DETAILS_SIZE,
        /** The justification is blank. */
        JUSTIFICATION_MISSING,
        /** The justification is longer than the ledger takes (length, limit). */
        JUSTIFICATION_TOO_LONG,
        /** The force's exchange node does not answer (endpoint, detail). */
        NODE_UNREACHABLE,
        /** The node holds no verified package for the request (request id). */
        NO_PACKAGE,
        /** The package the node holds is not the one the ledger's delivery names (request id). */
        PACKAGE_NOT_CURRENT
    }

    private final Reason reason;
    private final Object[] arguments;

    public NotReadyException(Reason reason, Object... arguments) {
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
