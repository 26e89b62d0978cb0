package org.gbx.client.lookup.node;

import io.grpc.MethodDescriptor;
import org.gbx.client.transfer.ByteMessages;

/**
 * The lookup protocol between two forces' nodes, without generated code: service
 * {@code gbx.lookup.v1.Lookup}, messages are raw bytes.
 * <ul>
 * <li>{@code FetchSet} (server streaming): request canonical JSON {@code {"epoch":n}}; answer the
 * holder's set file of that epoch in chunks of up to 1 MiB.
 * <li>{@code Evaluate} (unary): request {@code {"blindedElement":"<66 hex>","lookupId":"…"}}; answer
 * {@code {"epoch":n,"evaluatedElement":"<66 hex>","proof":"<128 hex>"}}.
 * </ul>
 */
final class LookupProtocol {

    static final String SERVICE = "gbx.lookup.v1.Lookup";
    static final int CHUNK_BYTES = 1 << 20;
    static final int MAX_MESSAGE_BYTES = CHUNK_BYTES + 1024;

    static final MethodDescriptor<byte[], byte[]> FETCH_SET = method("FetchSet", MethodDescriptor.MethodType.SERVER_STREAMING);
    static final MethodDescriptor<byte[], byte[]> EVALUATE = method("Evaluate", MethodDescriptor.MethodType.UNARY);

    private LookupProtocol() {
    }

    private static MethodDescriptor<byte[], byte[]> method(String name, MethodDescriptor.MethodType type) {
        return MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
                .setRequestMarshaller(ByteMessages.MARSHALLER)
                .setResponseMarshaller(ByteMessages.MARSHALLER)
                .build();
    }
}
