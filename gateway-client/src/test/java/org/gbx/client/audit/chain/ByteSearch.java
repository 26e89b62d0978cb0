package org.gbx.client.audit.chain;

/** Finds bytes inside bytes, for tests that alter one part of a stored block. */
public final class ByteSearch {

    private ByteSearch() {
    }

    /** Index of the first occurrence of {@code needle} in {@code haystack}. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("the bytes looked for are not there");
    }
}
