package org.gbx.client.lookup.oprf;

import java.nio.charset.StandardCharsets;

/**
 * The protocol variants of RFC 9497 §3.1 with suite P256-SHA256, and the domain separation tags
 * their context string gives every hash. gbx uses VOPRF; OPRF is here for the RFC's test vectors
 * of the shared steps.
 */
public enum OprfMode {
    OPRF(0x00),
    VOPRF(0x01);

    static final String SUITE = "P256-SHA256";

    private final String contextString;

    OprfMode(int value) {
        this.contextString = "OPRFV1-" + (char) value + "-" + SUITE;
    }

    String hashToGroupDst() {
        return "HashToGroup-" + contextString;
    }

    byte[] hashToScalarDst() {
        return ascii("HashToScalar-" + contextString);
    }

    byte[] deriveKeyPairDst() {
        return ascii("DeriveKeyPair" + contextString);
    }

    byte[] seedDst() {
        return ascii("Seed-" + contextString);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
