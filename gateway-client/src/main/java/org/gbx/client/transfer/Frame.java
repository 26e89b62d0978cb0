package org.gbx.client.transfer;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One message of a package stream. Layout: a type byte, then for MANIFEST a 4-byte manifest length,
 * the manifest and the CMS signature; for ENTRY a 4-byte index and the entry's bytes; for END the
 * 4-byte number of entries the sender holds. Frames go to and from gRPC as streams, so a 1 MiB
 * entry is copied once on each side instead of being assembled into a message array first.
 */
record Frame(Type type, int number, byte[] first, byte[] second) {

    enum Type { MANIFEST, ENTRY, END }

    private static final int HEADER = 5;

    static Frame manifest(byte[] manifest, byte[] signature) {
        return new Frame(Type.MANIFEST, manifest.length, manifest, signature);
    }

    static Frame entry(int index, byte[] bytes) {
        return new Frame(Type.ENTRY, index, bytes, new byte[0]);
    }

    static Frame end(int entryCount) {
        return new Frame(Type.END, entryCount, new byte[0], new byte[0]);
    }

    /** The frame as gRPC sends it: its length known, its bytes written straight to the transport. */
    InputStream stream() {
        return new Outgoing(this);
    }

    /** Reads one frame; gRPC's message streams know their length, so the body is read in one piece. */
    static Frame read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(HEADER);
        if (header.length < HEADER || header[0] < 0 || header[0] >= Type.values().length) {
            throw new IOException("not a package frame");
        }
        Type type = Type.values()[header[0]];
        int number = ByteBuffer.wrap(header, 1, 4).getInt();
        byte[] body;
        if (in instanceof KnownLength) {
            body = new byte[in.available()];
            in.readNBytes(body, 0, body.length);
        } else {
            body = in.readAllBytes();
        }
        if (type != Type.MANIFEST) {
            return new Frame(type, number, body, new byte[0]);
        }
        if (number < 0 || number > body.length) {
            throw new IOException("manifest frame with a bad length");
        }
        return new Frame(type, number, Arrays.copyOfRange(body, 0, number), Arrays.copyOfRange(body, number, body.length));
    }

    /** A frame being sent: header, first and second part, without joining them into one array. */
    private static final class Outgoing extends InputStream implements KnownLength, Drainable {
        private final byte[][] parts;
        private int part;
        private int offset;

        Outgoing(Frame frame) {
            byte[] header = ByteBuffer.allocate(HEADER).put((byte) frame.type.ordinal()).putInt(frame.number).array();
            this.parts = new byte[][] {header, frame.first, frame.second};
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            int written = 0;
            for (; part < parts.length; part++, offset = 0) {
                target.write(parts[part], offset, parts[part].length - offset);
                written += parts[part].length - offset;
            }
            return written;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int at, int length) {
            if (length == 0) {
                return 0;
            }
            while (part < parts.length && offset == parts[part].length) {
                part++;
                offset = 0;
            }
            if (part == parts.length) {
                return -1;
            }
            int n = Math.min(length, parts[part].length - offset);
            System.arraycopy(parts[part], offset, into, at, n);
            offset += n;
            return n;
        }

        @Override
        public int available() {
            int left = 0;
            for (int i = part; i < parts.length; i++) {
                left += parts[i].length - (i == part ? offset : 0);
            }
            return left;
        }
    }
}
