package org.gbx.client.records;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * Deterministic stand-in for CCTV footage: {@code size} pseudo-random bytes from a seed,
 * generated as they are read, so a clip of gigabytes never sits in memory.
 */
public final class SyntheticClip extends InputStream {

    private final SplittableRandom random;
    private long remaining;

    public SyntheticClip(long seed, long size) {
        this.random = new SplittableRandom(seed);
        this.remaining = size;
    }

    @Override
    public int read() {
        if (remaining == 0) {
            return -1;
        }
        remaining--;
        return random.nextInt(256);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (remaining == 0) {
            return -1;
        }
        int n = (int) Math.min(length, remaining);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) random.nextInt(256);
        }
        remaining -= n;
        return n;
    }
}
