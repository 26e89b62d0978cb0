package org.gbx.client.nodeapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;
import org.gbx.client.crypto.RequestKey;
import org.gbx.client.node.NodeDirectory;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.NodeTls;

/**
 * An officer's connection to their own force's exchange node (its local API), authenticated by
 * the officer's enrolment certificate and trusting only the force's TLS CA for the node. The one
 * way gbx reaches the force's keys and received data: nothing opens the node's database or key
 * store from outside the node.
 */
public final class NodeApiClient implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final ManagedChannel channel;
    private final String endpoint;

    private NodeApiClient(ManagedChannel channel, String endpoint) {
        this.channel = channel;
        this.endpoint = endpoint;
    }

    /**
     * @param endpoint {@code host:port} of the node's local API
     * @param certificate the officer's enrolment certificate (PEM) and {@code privateKey} its key (PKCS#8 PEM)
     * @param nodeCas the force's TLS CA certificates, the only ones trusted for the node
     */
    public static NodeApiClient connect(String endpoint, Path certificate, Path privateKey,
            List<X509Certificate> nodeCas) {
        int colon = endpoint.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a node endpoint is host:port, not " + endpoint);
        }
        try {
            TlsChannelCredentials.Builder credentials = TlsChannelCredentials.newBuilder()
                    .keyManager(certificate.toFile(), privateKey.toFile())
                    .trustManager(NodeTls.trusting(nodeCas));
            ManagedChannel channel = NettyChannelBuilder.forAddress(endpoint.substring(0, colon),
                    Integer.parseInt(endpoint.substring(colon + 1)), credentials.build())
                    .maxInboundMessageSize(NodeApiProtocol.MAX_MESSAGE_BYTES)
                    .build();
            return new NodeApiClient(channel, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("the officer's certificate or key cannot be read", e);
        }
    }

    /**
     * The connection of {@code user} of organisation {@code orgKey} to that force's node, at the
     * config's {@code exchangeNode.api} (or the port plan), with the user's enrolment certificate.
     */
    public static NodeApiClient forOfficer(NetworkConfig config, String orgKey, String user) {
        Organisation organisation = config.requireOrganisation(orgKey);
        Path msp = organisation.mspFolder(user);
        return connect(NodeDirectory.apiEndpoint(organisation), msp.resolve("signcerts").resolve("cert.pem"),
                msp.resolve("keystore").resolve("key.pem"), ChannelTrust.of(config).tlsCas(organisation.mspId()));
    }

    public String endpoint() {
        return endpoint;
    }

    public NodeGreeting hello() {
        return read(call(NodeApiProtocol.HELLO, Map.of()), NodeGreeting.class);
    }

    public void putDetailsKey(String requestId, RequestKey key) {
        call(NodeApiProtocol.PUT_DETAILS_KEY, Map.of("requestId", requestId,
                "key", Base64.getEncoder().encodeToString(key.bytes())));
    }

    public boolean dropDetailsKey(String requestId, String commitment) {
        return call(NodeApiProtocol.DROP_DETAILS_KEY, Map.of("requestId", requestId, "commitment", commitment))
                .path("dropped").asBoolean();
    }

    public RequestKey detailsKey(String requestId) {
        return RequestKey.of(Base64.getDecoder().decode(
                call(NodeApiProtocol.GET_DETAILS_KEY, Map.of("requestId", requestId)).required("key").asText()));
    }

    public HeldPackage heldPackage(String requestId) {
        return read(call(NodeApiProtocol.HELD_PACKAGE, Map.of("requestId", requestId)), HeldPackage.class);
    }

    public List<ReceivedRecord> recordsForAccess(String requestId, int sequence, String transactionId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", requestId);
        request.put("sequence", sequence);
        request.put("transactionId", transactionId);
        return read(call(NodeApiProtocol.RECORDS_FOR_ACCESS, request).required("records"), new TypeReference<>() { });
    }

    public boolean destroyReceived(String requestId) {
        return call(NodeApiProtocol.DESTROY_RECEIVED, Map.of("requestId", requestId)).path("deleted").asBoolean();
    }

    public String receivedRecord(String requestId, String recordId) {
        return call(NodeApiProtocol.RECEIVED_RECORD, Map.of("requestId", requestId, "recordId", recordId))
                .required("record").asText();
    }

    private JsonNode call(String method, Map<String, ?> request) {
        try {
            byte[] answer = ClientCalls.blockingUnaryCall(channel, NodeApiProtocol.method(method),
                    CallOptions.DEFAULT.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS),
                    NodeApiProtocol.JSON.writeValueAsBytes(request));
            return NodeApiProtocol.JSON.readTree(answer);
        } catch (StatusRuntimeException e) {
            throw translate(e.getStatus(), e);
        } catch (IOException e) {
            throw new NodeApiException(NodeApiException.Reason.FAILED, "the node answered something unreadable", e);
        }
    }

    private NodeApiException translate(Status status, StatusRuntimeException e) {
        String description = status.getDescription() == null ? status.getCode().name() : status.getDescription();
        return switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED -> new NodeApiException(NodeApiException.Reason.UNREACHABLE,
                    "the exchange node at " + endpoint + " does not answer (" + status.getCode() + ")", e);
            case PERMISSION_DENIED, UNAUTHENTICATED -> new NodeApiException(NodeApiException.Reason.NOT_ALLOWED,
                    description, e);
            case NOT_FOUND -> new NodeApiException(NodeApiException.Reason.NOT_HELD, description, e);
            case FAILED_PRECONDITION -> new NodeApiException(NodeApiException.Reason.REFUSED, description, e);
            case INVALID_ARGUMENT -> new NodeApiException(NodeApiException.Reason.INVALID, description, e);
            default -> new NodeApiException(NodeApiException.Reason.FAILED, description, e);
        };
    }

    private static <T> T read(JsonNode json, Class<T> type) {
        return NodeApiProtocol.JSON.convertValue(json, type);
    }

    private static <T> T read(JsonNode json, TypeReference<T> type) {
        return NodeApiProtocol.JSON.convertValue(json, type);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
