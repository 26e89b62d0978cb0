package org.gbx.client.crypto;

import java.nio.charset.StandardCharsets;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.SealedDetails;

/**
 * Seals a request's case details before they leave the requesting officer's gbx, and opens them
 * for an officer or a node of the two forces. AES-256-GCM under a fresh {@link RequestKey}, the
 * request id as associated data (so a sealed copy cannot pass as another request's), and a key
 * commitment in the envelope (so the ciphertext opens under one key only: both forces necessarily
 * read the same plaintext, the one the requester sealed).
 */
public final class DetailsSealing {

    /** The label of the key commitment, {@code HMAC(key, label ‖ 0 ‖ requestId)}. */
    public static final String COMMITMENT_LABEL = "gbx-sealed-details/1 key commitment";
    /**
     * The largest case details that, sealed and base64-encoded, stay within the chaincode's
     * 65,536-byte limit on the transient details.
     */
    public static final int MAX_PLAINTEXT_BYTES = 48_000;

    private DetailsSealing() {
    }

    /** The sealed details and the key that opens them. */
    public record Sealing(SealedDetails sealed, RequestKey key) {
    }

    public static Sealing seal(String requestId, CaseDetails details) {
        byte[] plaintext = details.bytes();
        if (plaintext.length == 0 || plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("case details must be 1-" + MAX_PLAINTEXT_BYTES + " bytes, not "
                    + plaintext.length);
        }
        RequestKey key = RequestKey.generate();
        AesGcm.Sealed sealed = AesGcm.seal(key, associatedData(requestId), plaintext);
        return new Sealing(new SealedDetails(sealed.nonce(), sealed.ciphertext(), commitment(key, requestId)), key);
    }

    /** Whether {@code key} is the one the envelope was sealed under (checked before any decryption). */
    public static boolean opens(RequestKey key, String requestId, SealedDetails sealed) {
        return java.security.MessageDigest.isEqual(commitment(key, requestId).getBytes(StandardCharsets.US_ASCII),
                sealed.keyCommitment().getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws SealBrokenException for another key, another request's envelope, or altered bytes */
    public static CaseDetails open(String requestId, SealedDetails sealed, RequestKey key) {
        if (!opens(key, requestId, sealed)) {
            throw new SealBrokenException("this key is not the one the case details of " + requestId
                    + " were sealed under");
        }
        return CaseDetails.of(AesGcm.open(key, associatedData(requestId),
                new AesGcm.Sealed(sealed.nonce(), sealed.ciphertext())));
    }

    public static String commitment(RequestKey key, String requestId) {
        return key.commitment(COMMITMENT_LABEL, requestId);
    }

    private static byte[] associatedData(String requestId) {
        return requestId.getBytes(StandardCharsets.UTF_8);
    }
}
