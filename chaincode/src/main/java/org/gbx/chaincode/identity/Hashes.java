package org.gbx.chaincode.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the one hash the ledger uses. */
public final class Hashes {
    private Hashes() {
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex of a digest the peer already computed (e.g. a private data hash); null stays null. */
    public static String hex(byte[] digest) {
        return digest == null || digest.length == 0 ? null : HexFormat.of().formatHex(digest);
    }
}
