package org.gbx.client.transfer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One message of a package stream. Layout: a type byte, then for MANIFEST a 4-byte manifest length,
 * the manifest and the CMS signature; for ENTRY a 4-byte index and the entry's bytes; for END the
 * 4-byte number of entries the sender holds.
 */
record Frame(Type type, int number, byte[] first, byte[] second) {

    enum Type { MANIFEST, ENTRY, END }

    static Frame manifest(byte[] manifest, byte[] signature) {
        return new Frame(Type.MANIFEST, manifest.length, manifest, signature);
    }

    static Frame entry(int index, byte[] bytes) {
        return new Frame(Type.ENTRY, index, bytes, new byte[0]);
    }

    static Frame end(int entryCount) {
        return new Frame(Type.END, entryCount, new byte[0], new byte[0]);
    }

    byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(5 + first.length + second.length);
        buffer.put((byte) type.ordinal()).putInt(number).put(first).put(second);
        return buffer.array();
    }

    static Frame decode(byte[] message) {
        if (message.length < 5 || message[0] < 0 || message[0] >= Type.values().length) {
            throw new IllegalArgumentException("not a package frame");
        }
        Type type = Type.values()[message[0]];
        int number = ByteBuffer.wrap(message, 1, 4).getInt();
        if (type == Type.MANIFEST) {
            if (number < 0 || number > message.length - 5) {
                throw new IllegalArgumentException("manifest frame with a bad length");
            }
            return new Frame(type, number, Arrays.copyOfRange(message, 5, 5 + number),
                    Arrays.copyOfRange(message, 5 + number, message.length));
        }
        return new Frame(type, number, Arrays.copyOfRange(message, 5, message.length), new byte[0]);
    }
}
