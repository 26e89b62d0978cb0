package org.gbx.client.config;

import java.util.List;

/** The connection config or a user's identity cannot be used; {@link #reason()} says why. */
public final class ConfigException extends RuntimeException {

    /** Why; each reason has an officer-readable message in the CLI's resource bundles. */
    public enum Reason { CONFIG_MISSING, CONFIG_UNREADABLE, UNKNOWN_ORGANISATION, SELECTION_MISSING, IDENTITY_MISSING,
        IDENTITY_UNREADABLE }

    private final Reason reason;
    private final List<String> arguments;

    public ConfigException(Reason reason, String... arguments) {
        this(reason, null, arguments);
    }

    public ConfigException(Reason reason, Throwable cause, String... arguments) {
        super(reason + " " + String.join(" ", arguments), cause);
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    public Reason reason() {
        return reason;
    }

    /** Values for the message placeholders (paths, names); never personal data. */
    public List<String> arguments() {
        return arguments;
    }
}
