package org.gbx.chaincode.model;

import static org.gbx.chaincode.ErrorCode.INVALID_VALUE;

import java.util.regex.Pattern;
import org.gbx.chaincode.rules.Input;

/**
 * The {@code keyJson} argument of PublishLookupKey: the holder's OPRF public key for one epoch
 * (a compressed P-256 point, 33 bytes in hex) and the digest and size of the set it prepared
 * under that key. No identifier, no secret.
 */
public record LookupKeyDraft(Integer epoch, String publicKey, String setDigest, Long setSize) {

    public static final int MAX_EPOCH = 999_999;
    public static final long MAX_SET_SIZE = 100_000_000L;
    private static final Pattern COMPRESSED_POINT = Pattern.compile("0[23][0-9a-f]{64}");

    public LookupKeyDraft {
        Input.inRange("epoch", epoch, 1, MAX_EPOCH);
        if (!COMPRESSED_POINT.matcher(Input.required("publicKey", publicKey)).matches()) {
            throw INVALID_VALUE.refuse("publicKey must be a compressed P-256 point: 66 lower-case hex characters");
        }
        Input.sha256Hex("setDigest", setDigest);
        Input.inRange("setSize", setSize, 0, MAX_SET_SIZE);
    }
}
