package org.gbx.client.lookup;

/** What an officer typed is not an identifier of the type named; the identifier is not repeated. */
public final class InvalidIdentifierException extends IllegalArgumentException {

    private final IdentifierType type;

    InvalidIdentifierException(IdentifierType type) {
        super("not a valid " + type.optionName());
        this.type = type;
    }

    public IdentifierType type() {
        return type;
    }
}
