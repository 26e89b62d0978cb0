package org.gbx.client.lookup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How the ledger names a blinded element: the hex SHA-256 of its 33 bytes (RecordLookup's {@code blindedHash}). */
public final class BlindedElements {

    private BlindedElements() {
    }

    public static String ledgerHash(byte[] blindedElement) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blindedElement));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
