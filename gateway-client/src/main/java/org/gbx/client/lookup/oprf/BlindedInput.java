package org.gbx.client.lookup.oprf;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * What the asker keeps between Blind and Finalize: its input and the blind, both secret, and the
 * blinded element it sends (the only part that leaves the asker). {@link #toString()} shows
 * neither secret.
 */
public final class BlindedInput {

    private final byte[] input;
    private final BigInteger blind;
    private final ECPoint blindedElement;

    BlindedInput(byte[] input, BigInteger blind, ECPoint blindedElement) {
        this.input = input.clone();
        this.blind = blind;
        this.blindedElement = blindedElement;
    }

    byte[] input() {
        return input;
    }

    BigInteger blind() {
        return blind;
    }

    public ECPoint blindedElement() {
        return blindedElement;
    }

    public byte[] blindedElementBytes() {
        return P256Group.serializeElement(blindedElement);
    }

    @Override
    public String toString() {
        return "BlindedInput[secret]";
    }
}
