package org.gbx.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's case details as they travel in the transient map and sit in the two forces' private
 * collections: AES-256-GCM ciphertext under a per-request key that only the two forces' exchange
 * nodes keep (docs/ledger.md, "Destruction"). The envelope is canonical JSON, members sorted:
 *
 * <pre>{"ciphertext":"&lt;base64&gt;","format":"gbx-sealed-details/1","keyCommitment":"&lt;64 hex&gt;","nonce":"&lt;base64&gt;"}</pre>
 *
 * The ledger's {@code detailsHash} is the SHA-256 of these bytes, so it commits to the ciphertext;
 * {@code keyCommitment} binds that ciphertext to exactly one key and thus to one plaintext.
 */
public final class SealedDetails {

    public static final String FORMAT = "gbx-sealed-details/1";
    private static final Set<String> MEMBERS = Set.of("ciphertext", "format", "keyCommitment", "nonce");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] nonce;
    private final byte[] ciphertext;
    private final String keyCommitment;

    public SealedDetails(byte[] nonce, byte[] ciphertext, String keyCommitment) {
        if (!HEX64.matcher(keyCommitment).matches()) {
            throw new IllegalArgumentException("a key commitment is 64 lower-case hex characters");
        }
        this.nonce = nonce.clone();
        this.ciphertext = ciphertext.clone();
        this.keyCommitment = keyCommitment;
    }

    /** Reads an envelope; anything else (plain details, another format) is refused. */
    public static SealedDetails parse(byte[] bytes) {
        try {
            JsonNode json = JSON.readTree(bytes);
            if (json == null || !json.isObject() || json.size() != MEMBERS.size()) {
                throw notSealed();
            }
            for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!MEMBERS.contains(name) || !json.get(name).isTextual()) {
                    throw notSealed();
                }
            }
            if (!FORMAT.equals(json.get("format").asText())) {
                throw notSealed();
            }
            Base64.Decoder base64 = Base64.getDecoder();
            return new SealedDetails(base64.decode(json.get("nonce").asText()),
                    base64.decode(json.get("ciphertext").asText()), json.get("keyCommitment").asText());
        } catch (IOException | IllegalArgumentException e) {
            // never pass the parser's message on: it may quote the bytes
            throw notSealed();
        }
    }

    private static IllegalArgumentException notSealed() {
        return new IllegalArgumentException("these case details are not sealed (" + FORMAT + ")");
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public String keyCommitment() {
        return keyCommitment;
    }

    /** The canonical envelope bytes: what is sent, stored and hashed. */
    public byte[] bytes() {
        Base64.Encoder base64 = Base64.getEncoder();
        return ("{\"ciphertext\":\"" + base64.encodeToString(ciphertext) + "\",\"format\":\"" + FORMAT
                + "\",\"keyCommitment\":\"" + keyCommitment + "\",\"nonce\":\"" + base64.encodeToString(nonce) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Hex SHA-256 of {@link #bytes()}: the ledger's {@code detailsHash} of this request. */
    public String sha256Hex() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SealedDetails[" + ciphertext.length + " bytes]";
    }
}
