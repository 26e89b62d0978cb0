package org.gbx.client.transfer;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.gbx.client.delivery.CanonicalJson;
import org.gbx.client.delivery.IncomingPackage;
import org.gbx.client.delivery.VerifiedPackage;

/**
 * The receiving side of the node protocol: fetches a package from the sending force's node over
 * mutual TLS, trusting only that force's TLS CA, and hands every frame to the
 * {@link IncomingPackage} that verifies it. A broken stream is resumed from the first entry not
 * yet verified, with growing pauses, a bounded number of times.
 */
public final class PackageFetcher {

    private static final Logger LOG = Logger.getLogger(PackageFetcher.class.getName());
    /**
     * Attempts in a row that verify nothing before the job goes back to the node's queue: a sender
     * that is down for longer is retried after the node's retry pause, so it does not hold one of
     * the node's few workers while other transfers wait.
     */
    static final int IDLE_ATTEMPTS = 3;

    private final NodeTls tls;
    private final ChannelTrust trust;
    private final Duration streamDeadline;
    private final int maxAttempts;
    private final Duration maxPause;

    /**
     * @param streamDeadline how long one attempt may take, start to end of the stream
     * @param maxAttempts attempts before giving up, each resuming where the last one stopped
     */
    public PackageFetcher(NodeTls tls, ChannelTrust trust, Duration streamDeadline, int maxAttempts, Duration maxPause) {
        this.tls = tls;
        this.trust = trust;
        this.streamDeadline = streamDeadline;
        this.maxAttempts = maxAttempts;
        this.maxPause = maxPause;
    }

    /**
     * @param senderEndpoint {@code host:port} of the sending force's node
     * @throws org.gbx.client.delivery.PackageRejectedException when the package fails verification
     * @throws TransferFailedException when it could not be fetched
     */
    public VerifiedPackage fetch(String senderEndpoint, String senderMspId, String requestId, IncomingPackage incoming,
            TransferListener listener) {
        StatusRuntimeException last = null;
        int idle = 0;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            ManagedChannel channel = open(senderEndpoint, senderMspId);
            int before = incoming.hasManifest() ? incoming.nextEntry() : -1;
            try {
                VerifiedPackage verified = attempt(channel, requestId, incoming, listener);
                if (verified != null) {
                    return verified;
                }
                LOG.info(() -> "the stream of " + requestId + " ended early; resuming from entry " + incoming.nextEntry());
            } catch (StatusRuntimeException e) {
                if (!retryable(e.getStatus().getCode())) {
                    throw new TransferFailedException(refusal(e.getStatus(), senderMspId), false, e);
                }
                // What was verified survives even if the node stops before the next attempt.
                incoming.checkpoint();
                last = e;
                idle = (incoming.hasManifest() ? incoming.nextEntry() : -1) > before ? 0 : idle + 1;
                if (idle >= IDLE_ATTEMPTS) {
                    break;
                }
                int at = attempt;
                LOG.info(() -> "transfer of " + requestId + " interrupted (" + e.getStatus().getCode() + "), attempt "
                        + at + " of " + maxAttempts + "; resuming from entry " + incoming.nextEntry());
            } finally {
                channel.shutdownNow();
            }
            pause(attempt);
        }
        throw new TransferFailedException("The node of " + senderMspId + " at " + senderEndpoint
                + " could not be reached to fetch request " + requestId + " (" + (last == null ? "stream ended early"
                : last.getStatus().getCode()) + "); the node will try again. Ask the other force to check that its"
                + " exchange node is running.", true, last);
    }

    /** One stream: returns the verified package, or null when the stream ended before the end frame. */
    private VerifiedPackage attempt(ManagedChannel channel, String requestId, IncomingPackage incoming,
            TransferListener listener) {
        byte[] request = CanonicalJson.bytes(Map.of("requestId", requestId, "fromEntry", incoming.nextEntry()));
        Iterator<Frame> frames = ClientCalls.blockingServerStreamingCall(channel, TransferProtocol.FETCH,
                CallOptions.DEFAULT.withDeadlineAfter(streamDeadline.toMillis(), TimeUnit.MILLISECONDS), request);
        while (frames.hasNext()) {
            Frame frame = frames.next();
            switch (frame.type()) {
                case MANIFEST -> {
                    if (!incoming.hasManifest()) {
                        incoming.acceptManifest(frame.first(), frame.second());
                    }
                }
                case ENTRY -> {
                    incoming.acceptEntry(frame.number(), frame.first());
                    listener.verified(requestId, incoming.nextEntry(), incoming.entryCount());
                }
                case END -> {
                    if (incoming.nextEntry() < incoming.entryCount()) {
                        throw incoming.truncated("the sender ended the stream after " + incoming.nextEntry()
                                + " of " + incoming.entryCount() + " entries");
                    }
                    return incoming.finish();
                }
            }
        }
        return null;
    }

    private ManagedChannel open(String endpoint, String senderMspId) {
        int colon = endpoint.lastIndexOf(':');
        try {
            return NettyChannelBuilder.forAddress(endpoint.substring(0, colon),
                    Integer.parseInt(endpoint.substring(colon + 1)), tls.channelCredentials(trust.tlsCas(senderMspId)))
                    .maxInboundMessageSize(TransferProtocol.MAX_MESSAGE_BYTES)
                    .flowControlWindow(TransferProtocol.RECEIVE_WINDOW_BYTES)
                    .build();
        } catch (IOException e) {
            throw new TransferFailedException("This node's TLS certificate or key cannot be read ("
                    + tls.certificate() + ", " + tls.privateKey() + ")", false, e);
        }
    }

    private static boolean retryable(Status.Code code) {
        return Arrays.asList(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.CANCELLED,
                Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.ABORTED, Status.Code.RESOURCE_EXHAUSTED)
                .contains(code);
    }

    private static String refusal(Status status, String senderMspId) {
        return switch (status.getCode()) {
            case PERMISSION_DENIED -> "The node of " + senderMspId + " refused: this force is not the requester.";
            case UNAUTHENTICATED -> "The node of " + senderMspId + " did not accept this node's TLS certificate.";
            case NOT_FOUND -> "The node of " + senderMspId + " holds no delivered package for this request"
                    + " (withdrawn, destroyed, or not built yet).";
            default -> "The node of " + senderMspId + " refused the transfer: " + status.getCode();
        };
    }

    private void pause(int attempt) {
        long millis = Math.min(maxPause.toMillis(), 250L << Math.min(attempt, 10));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferFailedException("interrupted while waiting to resume", true, e);
        }
    }
}
