package org.gbx.client.lookup;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One entry of a holder's set, made from an identifier's PRF output y alone: HKDF-SHA256(y) gives
 * an 8-byte tag (where the entry sits) and a 128-bit AES key; the reference data, padded with
 * zeros to one block, is encrypted with that key. Each key encrypts exactly one block, so a single
 * AES block is a one-time pseudorandom permutation; the zeros check the key on opening. Only
 * someone who knows y (the holder, or an asker who evaluated that very identifier) can find the
 * entry or read it.
 */
public final class EntrySeal {

    public static final int TAG_BYTES = 8;
    public static final int SEALED_BYTES = 16;
    public static final int ENTRY_BYTES = TAG_BYTES + SEALED_BYTES;
    private static final byte[] INFO = "gbx lookup entry v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final long tag;
    private final byte[] key;

    private EntrySeal(long tag, byte[] key) {
        this.tag = tag;
        this.key = key;
    }

    /** The tag and key of the identifier whose PRF output is {@code prfOutput}. */
    public static EntrySeal of(byte[] prfOutput) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(prfOutput, null, INFO));
        byte[] okm = new byte[TAG_BYTES + SEALED_BYTES];
        hkdf.generateBytes(okm, 0, okm.length);
        long tag = 0;
        for (int i = 0; i < TAG_BYTES; i++) {
            tag = (tag << 8) | (okm[i] & 0xff);
        }
        return new EntrySeal(tag, Arrays.copyOfRange(okm, TAG_BYTES, okm.length));
    }

    public long tag() {
        return tag;
    }

    /** The 16 sealed bytes of {@code data}. */
    public byte[] seal(ReferenceData data) {
        byte[] block = new byte[SEALED_BYTES];
        data.encode(block, 0);
        byte[] sealed = new byte[SEALED_BYTES];
        aes(true).processBlock(block, 0, sealed, 0);
        return sealed;
    }

    /** The reference data, if {@code sealed} was sealed with this key (else empty). */
    public Optional<ReferenceData> open(byte[] sealed, int offset) {
        byte[] block = new byte[SEALED_BYTES];
        aes(false).processBlock(sealed, offset, block, 0);
        for (int i = ReferenceData.BYTES; i < SEALED_BYTES; i++) {
            if (block[i] != 0) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(ReferenceData.decode(block, 0));
    }

    private AESEngine aes(boolean encrypt) {
        AESEngine engine = new AESEngine();
        engine.init(encrypt, new KeyParameter(key));
        return engine;
    }
}
