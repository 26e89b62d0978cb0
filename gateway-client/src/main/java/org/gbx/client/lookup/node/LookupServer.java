package org.gbx.client.lookup.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import org.gbx.client.delivery.CanonicalJson;
import org.gbx.client.transfer.CallerOrganisation;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.NodeTls;

/**
 * The holder's lookup service, on 127.0.0.1 over mutual TLS with the node's certificate: it sends
 * its set to other forces and evaluates blinded elements that the {@link Evaluator} admits. The
 * caller's force is the one whose TLS CA issued its certificate ({@link CallerOrganisation}); the
 * committee's passes the handshake and is refused (it asks nothing). The log names lookups, forces and reasons; the
 * holder never sees an identifier to log.
 */
final class LookupServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LookupServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMITTEE = "OversightMSP";

    private final Server server;
    private final ExecutorService executor;

    private LookupServer(Server server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param setFile the file of the holder's set of an epoch, or null when it has none
     */
    static LookupServer start(int port, NodeTls tls, ChannelTrust trust, Evaluator evaluator, IntFunction<Path> setFile)
            throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        ServerServiceDefinition service = ServerServiceDefinition.builder(LookupProtocol.SERVICE)
                .addMethod(LookupProtocol.FETCH_SET, ServerCalls.asyncServerStreamingCall(
                        (request, responses) -> fetchSet(request, responses, setFile)))
                .addMethod(LookupProtocol.EVALUATE, ServerCalls.asyncUnaryCall(
                        (request, response) -> evaluate(request, response, evaluator)))
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port),
                        tls.serverCredentials(trust))
                .addService(CallerOrganisation.named(service, trust))
                .maxInboundMessageSize(16 * 1024)
                .executor(executor)
                .build()
                .start();
        return new LookupServer(server, executor);
    }

    int port() {
        return server.getPort();
    }

    private static void fetchSet(byte[] request, StreamObserver<byte[]> responses, IntFunction<Path> setFile) {
        String caller = callerForce();
        if (caller == null) {
            responses.onError(Status.PERMISSION_DENIED.withDescription("only a force receives lookup sets").asException());
            return;
        }
        int epoch;
        try {
            epoch = JSON.readTree(request).required("epoch").asInt();
        } catch (IOException | IllegalArgumentException e) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription("malformed set request").asException());
            return;
        }
        Path file = setFile.apply(epoch);
        if (file == null || !Files.isRegularFile(file)) {
            responses.onError(Status.NOT_FOUND.withDescription("no set of epoch " + epoch).asException());
            return;
        }
        ServerCallStreamObserver<byte[]> stream = (ServerCallStreamObserver<byte[]>) responses;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk;
            while ((chunk = in.readNBytes(LookupProtocol.CHUNK_BYTES)).length > 0) {
                stream.onNext(chunk);
            }
            stream.onCompleted();
            LOG.info(() -> "sent the lookup set of epoch " + epoch + " to " + caller);
        } catch (IOException e) {
            stream.onError(Status.INTERNAL.withDescription("the set cannot be read on the holder").asException());
        }
    }

    private static void evaluate(byte[] request, StreamObserver<byte[]> response, Evaluator evaluator) {
        String caller = callerForce();
        String lookupId;
        byte[] blinded;
        try {
            JsonNode json = JSON.readTree(request);
            lookupId = json.required("lookupId").asText();
            blinded = HexFormat.of().parseHex(json.required("blindedElement").asText());
        } catch (IOException | IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("malformed evaluation request").asException());
            return;
        }
        if (caller == null) {
            LOG.info(() -> "refused lookup " + lookupId + ": the caller is not a force");
            response.onError(Status.PERMISSION_DENIED.withDescription("only a force asks lookups").asException());
            return;
        }
        try {
            Evaluator.Answer answer = evaluator.evaluate(caller, lookupId, blinded);
            response.onNext(CanonicalJson.bytes(Map.of("epoch", answer.epoch(),
                    "evaluatedElement", HexFormat.of().formatHex(answer.evaluation().evaluatedElementBytes()),
                    "proof", HexFormat.of().formatHex(answer.evaluation().proof().bytes()))));
            response.onCompleted();
            LOG.info(() -> "evaluated lookup " + lookupId + " for " + caller + " (epoch " + answer.epoch() + ")");
        } catch (LookupRefusedException e) {
            LOG.info(() -> "refused lookup " + lookupId + " from " + caller + ": " + e.reason());
            Status status = e.reason() == LookupRefusedException.Reason.MALFORMED ? Status.INVALID_ARGUMENT
                    : e.reason() == LookupRefusedException.Reason.KEY_RETIRED ? Status.FAILED_PRECONDITION
                    : Status.PERMISSION_DENIED;
            response.onError(status.withDescription(e.reason() + ": " + e.getMessage()).asException());
        } catch (RuntimeException e) {
            LOG.warning("could not evaluate lookup " + lookupId + ": " + e.getMessage());
            response.onError(Status.UNAVAILABLE.withDescription("the holder could not check the ledger").asException());
        }
    }

    /** The calling force; null for the committee, which asks no lookups and receives no sets. */
    private static String callerForce() {
        String org = CallerOrganisation.current();
        return COMMITTEE.equals(org) ? null : org;
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
