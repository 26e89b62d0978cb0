package org.gbx.client.transfer;

import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The node-to-node protocol, without generated code: one server-streaming gRPC method,
 * {@code gbx.exchange.v1.PackageTransfer/Fetch}. The request is canonical JSON
 * {@code {"fromEntry":n,"requestId":"…"}}; the answer is a stream of {@link Frame}s: the signed
 * manifest, then entries n, n+1, … in order, then an end frame.
 */
final class TransferProtocol {

    static final String SERVICE = "gbx.exchange.v1.PackageTransfer";
    /** A 1 MiB chunk plus its frame header, with room to spare. */
    static final int MAX_MESSAGE_BYTES = 8 << 20;
    /**
     * How far the sender may run ahead of the receiver. With gRPC's 1 MiB default only one entry
     * was ever in flight, so sending, decrypting and verifying took turns instead of overlapping.
     */
    static final int RECEIVE_WINDOW_BYTES = 16 << 20;

    static final MethodDescriptor<byte[], Frame> FETCH = MethodDescriptor.<byte[], Frame>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Fetch"))
            .setRequestMarshaller(ByteMessages.MARSHALLER)
            .setResponseMarshaller(new Frames())
            .build();

    private TransferProtocol() {
    }

    /** Frames to and from the transport (a malformed one fails the stream, which is then retried). */
    private static final class Frames implements MethodDescriptor.Marshaller<Frame> {
        @Override
        public InputStream stream(Frame frame) {
            return frame.stream();
        }

        @Override
        public Frame parse(InputStream stream) {
            try {
                return Frame.read(stream);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
