package org.gbx.client.transfer;

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
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.gbx.client.delivery.DeliveryPackage;

/**
 * The sending side of the node protocol: serves built packages to the requesting force over
 * mutual TLS, on 127.0.0.1 only. The TLS handshake admits only certificates from the channel
 * organisations' TLS CAs; then the caller's organisation (the CA that issued its certificate) must
 * be the request's requester, which {@link PackageSource} decides. Entries are read from disk as
 * the stream has room (gRPC flow control), so a slow receiver never makes the sender buffer.
 */
public final class PackageServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PackageServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;
    private final ExecutorService executor;

    private PackageServer(Server server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving; {@code port} 0 picks a free one (tests). */
    public static PackageServer start(int port, NodeTls tls, ChannelTrust trust, PackageSource source)
            throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        ServerServiceDefinition service = ServerServiceDefinition.builder(TransferProtocol.SERVICE)
                .addMethod(TransferProtocol.FETCH, ServerCalls.asyncServerStreamingCall(
                        (request, responses) -> fetch(request, responses, source)))
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port),
                        tls.serverCredentials(trust))
                .addService(CallerOrganisation.named(service, trust))
                .maxInboundMessageSize(64 * 1024)
                .executor(executor)
                .build()
                .start();
        return new PackageServer(server, executor);
    }

    public int port() {
        return server.getPort();
    }

    private static void fetch(byte[] request, StreamObserver<Frame> responses, PackageSource source) {
        String requestId;
        int fromEntry;
        try {
            JsonNode json = JSON.readTree(request);
            requestId = json.required("requestId").asText();
            fromEntry = json.required("fromEntry").asInt();
        } catch (IOException | IllegalArgumentException e) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription("malformed fetch request").asException());
            return;
        }
        DeliveryPackage delivery;
        try {
            delivery = source.packageFor(requestId, CallerOrganisation.current());
        } catch (TransferRefusedException e) {
            Status status = e.reason() == TransferRefusedException.Reason.NOT_THE_REQUESTER
                    ? Status.PERMISSION_DENIED : Status.NOT_FOUND;
            LOG.info(() -> "refused fetch of " + requestId + " by " + CallerOrganisation.current() + ": " + e.reason());
            responses.onError(status.withDescription(e.getMessage()).asException());
            return;
        }
        LOG.info(() -> "sending " + requestId + " to " + CallerOrganisation.current() + " from entry " + fromEntry);
        new Streaming((ServerCallStreamObserver<Frame>) responses, delivery, fromEntry).start();
    }

    /** Sends the manifest and entries whenever the transport is ready for more. */
    private static final class Streaming implements Runnable {
        private final ServerCallStreamObserver<Frame> responses;
        private final DeliveryPackage delivery;
        private int next;
        private boolean manifestSent;
        private boolean finished;

        Streaming(ServerCallStreamObserver<Frame> responses, DeliveryPackage delivery, int fromEntry) {
            this.responses = responses;
            this.delivery = delivery;
            this.next = Math.max(0, fromEntry);
        }

        void start() {
            responses.setOnCancelHandler(() -> {
                synchronized (this) {
                    finished = true;
                }
            });
            responses.setOnReadyHandler(this);
            run();
        }

        @Override
        public synchronized void run() {
            try {
                while (!finished && responses.isReady()) {
                    if (!manifestSent) {
                        responses.onNext(Frame.manifest(delivery.manifestBytes(), delivery.signature()));
                        manifestSent = true;
                    } else if (next < delivery.entryCount()) {
                        responses.onNext(Frame.entry(next, delivery.readEntry(next)));
                        next++;
                    } else {
                        responses.onNext(Frame.end(delivery.entryCount()));
                        responses.onCompleted();
                        finished = true;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                finished = true;
                responses.onError(Status.INTERNAL.withDescription("the package cannot be read on the sender").asException());
            }
        }
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
