package org.gbx.client.nodeapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.gbx.client.crypto.RequestKey;
import org.gbx.client.identity.EnrolmentCertificate;
import org.gbx.client.transfer.GrpcParts;
import org.gbx.client.transfer.NodeTls;

/**
 * The node's local API (docs/exchange.md): mutual TLS where the TLS handshake admits only
 * certificates issued by the node's own force's enrolment CA, so every caller is an enrolled
 * officer of this force; the {@link OfficerDesk} then checks their {@code gbx.role}.
 */
public final class NodeApiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NodeApiServer.class.getName());
    private static final Context.Key<Officer> CALLER = Context.key("gbx-officer");

    private final Server server;
    private final ExecutorService executor;

    private NodeApiServer(Server server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param host the address to listen on (127.0.0.1 on one machine)
     * @param port 0 picks a free one (tests)
     * @param officerCas the force's own enrolment CA certificates
     */
    public static NodeApiServer start(String host, int port, NodeTls tls, List<X509Certificate> officerCas,
            String mspId, OfficerDesk desk) throws IOException {
        TlsServerCredentials.Builder credentials = TlsServerCredentials.newBuilder()
                .keyManager(tls.certificate().toFile(), tls.privateKey().toFile())
                .trustManager(NodeTls.trusting(officerCas))
                .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
        ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(NodeApiProtocol.SERVICE);
        for (String method : NodeApiProtocol.METHODS) {
            service.addMethod(NodeApiProtocol.method(method),
                    ServerCalls.asyncUnaryCall((request, response) -> answer(method, request, response, desk)));
        }
        ExecutorService executor = Executors.newFixedThreadPool(4);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port), credentials.build())
                .addService(ServerInterceptors.intercept(service.build(), new Caller(mspId)))
                .maxInboundMessageSize(1 << 20)
                .executor(executor)
                .build()
                .start();
        return new NodeApiServer(server, executor);
    }

    public int port() {
        return server.getPort();
    }

    private static void answer(String method, byte[] request, StreamObserver<byte[]> response, OfficerDesk desk) {
        Officer caller = CALLER.get();
        try {
            JsonNode in = NodeApiProtocol.JSON.readTree(request);
            Object out = dispatch(method, in, caller, desk);
            response.onNext(NodeApiProtocol.JSON.writeValueAsBytes(out));
            response.onCompleted();
        } catch (NodeApiException e) {
            LOG.info(() -> method + " by an officer of " + caller.mspId() + " (" + caller.role().orElse("no role")
                    + ") answered " + e.reason() + ": " + e.getMessage());
            response.onError(status(e.reason()).withDescription(e.getMessage()).asException());
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("malformed " + method + " request").asException());
        } catch (RuntimeException e) {
            LOG.warning(method + " failed: " + e);
            response.onError(Status.INTERNAL.withDescription("the node failed; its log says why").asException());
        }
    }

    private static Object dispatch(String method, JsonNode in, Officer caller, OfficerDesk desk) {
        String requestId = method.equals(NodeApiProtocol.HELLO) ? null : in.required("requestId").asText();
        Map<String, Object> out = new LinkedHashMap<>();
        switch (method) {
            case NodeApiProtocol.HELLO -> {
                return desk.hello(caller);
            }
            case NodeApiProtocol.PUT_DETAILS_KEY -> desk.putDetailsKey(caller, requestId,
                    RequestKey.of(Base64.getDecoder().decode(in.required("key").asText())));
            case NodeApiProtocol.DROP_DETAILS_KEY ->
                    out.put("dropped", desk.dropDetailsKey(caller, requestId, in.required("commitment").asText()));
            case NodeApiProtocol.GET_DETAILS_KEY ->
                    out.put("key", Base64.getEncoder().encodeToString(desk.detailsKey(caller, requestId).bytes()));
            case NodeApiProtocol.HELD_PACKAGE -> {
                return desk.heldPackage(caller, requestId);
            }
            case NodeApiProtocol.RECORDS_FOR_ACCESS -> out.put("records", desk.recordsForAccess(caller, requestId,
                    in.required("sequence").asInt(), in.path("transactionId").asText("")));
            case NodeApiProtocol.DESTROY_RECEIVED -> out.put("deleted", desk.destroyReceived(caller, requestId));
            case NodeApiProtocol.RECEIVED_RECORD ->
                    out.put("record", desk.receivedRecord(caller, requestId, in.required("recordId").asText()));
            default -> throw new IllegalArgumentException("unknown method " + method);
        }
        return out;
    }

    private static Status status(NodeApiException.Reason reason) {
        return switch (reason) {
            case NOT_ALLOWED -> Status.PERMISSION_DENIED;
            case NOT_HELD -> Status.NOT_FOUND;
            case REFUSED -> Status.FAILED_PRECONDITION;
            case INVALID -> Status.INVALID_ARGUMENT;
            case UNREACHABLE -> Status.UNAVAILABLE;
            case FAILED -> Status.INTERNAL;
        };
    }

    /** The officer behind the enrolment certificate of the handshake (the CA check already passed). */
    private static final class Caller implements ServerInterceptor {
        private final String mspId;

        Caller(String mspId) {
            this.mspId = mspId;
        }

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            X509Certificate certificate = GrpcParts.peerCertificate(
                    call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION)).orElse(null);
            if (certificate == null) {
                call.close(Status.UNAUTHENTICATED.withDescription("no enrolment certificate of " + mspId),
                        new Metadata());
                return new ServerCall.Listener<>() { };
            }
            Officer officer = new Officer(mspId, EnrolmentCertificate.role(certificate),
                    EnrolmentCertificate.officer(certificate));
            return Contexts.interceptCall(Context.current().withValue(CALLER, officer), call, headers, next);
        }
    }

    @Override
    public void close() {
        GrpcParts.stop(server, executor);
    }
}
