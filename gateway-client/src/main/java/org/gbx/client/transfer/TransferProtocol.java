package org.gbx.client.transfer;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The node-to-node protocol, without generated code: one server-streaming gRPC method,
 * {@code gbx.exchange.v1.PackageTransfer/Fetch}. The request is canonical JSON
 * {@code {"fromEntry":n,"requestId":"…"}}; the answer is a stream of {@link Frame}s: the signed
 * manifest, then entries n, n+1, … in order, then an end frame. Messages are raw bytes.
 */
final class TransferProtocol {

    static final String SERVICE = "gbx.exchange.v1.PackageTransfer";
    /** A 1 MiB chunk plus its frame header, with room to spare. */
    static final int MAX_MESSAGE_BYTES = 8 << 20;

    static final MethodDescriptor<byte[], byte[]> FETCH = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Fetch"))
            .setRequestMarshaller(new Bytes())
            .setResponseMarshaller(new Bytes())
            .build();

    private TransferProtocol() {
    }

    /** Passes byte arrays through unchanged. */
    private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
