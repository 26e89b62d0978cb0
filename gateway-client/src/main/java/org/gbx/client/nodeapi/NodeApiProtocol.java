package org.gbx.client.nodeapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.MethodDescriptor;
import java.util.List;
import org.gbx.client.transfer.ByteMessages;

/**
 * The node's local API for its own force's officers, without generated code: service
 * {@code gbx.node.v1.OfficerApi}, one unary method per use, each taking and answering a JSON
 * object (docs/exchange.md, "The node's local API"). Mutual TLS: the node presents its TLS
 * certificate, the officer their enrolment certificate.
 */
final class NodeApiProtocol {

    static final String SERVICE = "gbx.node.v1.OfficerApi";
    static final int MAX_MESSAGE_BYTES = 32 << 20;
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final String HELLO = "Hello";
    static final String PUT_DETAILS_KEY = "PutDetailsKey";
    static final String DROP_DETAILS_KEY = "DropDetailsKey";
    static final String GET_DETAILS_KEY = "GetDetailsKey";
    static final String HELD_PACKAGE = "HeldPackage";
    static final String RECORDS_FOR_ACCESS = "RecordsForAccess";
    static final String DESTROY_RECEIVED = "DestroyReceived";
    static final String RECEIVED_RECORD = "ReceivedRecord";
    static final List<String> METHODS = List.of(HELLO, PUT_DETAILS_KEY, DROP_DETAILS_KEY, GET_DETAILS_KEY,
            HELD_PACKAGE, RECORDS_FOR_ACCESS, DESTROY_RECEIVED, RECEIVED_RECORD);

    private NodeApiProtocol() {
    }

    static MethodDescriptor<byte[], byte[]> method(String name) {
        return MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
                .setRequestMarshaller(ByteMessages.MARSHALLER)
                .setResponseMarshaller(ByteMessages.MARSHALLER)
                .build();
    }
}
