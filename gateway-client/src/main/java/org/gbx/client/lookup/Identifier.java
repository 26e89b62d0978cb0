package org.gbx.client.lookup;

import java.nio.charset.StandardCharsets;

/**
 * An identifier in canonical form. It becomes the PRF input {@code TYPE:canonical} (UTF-8), so the
 * same digits as an ID number and as a plate never collide. {@link #toString()} never shows it:
 * identifiers must not reach a log.
 */
public record Identifier(IdentifierType type, String canonical) {

    public byte[] prfInput() {
        return (type.name() + ":" + canonical).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Identifier[" + type + "]";
    }
}
