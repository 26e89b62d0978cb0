package org.gbx.client.transfer;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gbx.client.crypto.RequestKey;
import org.gbx.client.delivery.CanonicalJson;

/**
 * The requesting force's node hands a request's case-details key to the target force's node,
 * straight over their mutual-TLS channel (TLS 1.3, so forward secrecy: a recording of the
 * connection is useless even to someone who later steals both nodes' TLS keys). Nothing is held
 * by anyone in between.
 */
public final class DetailsKeySender {

    private final NodeTls tls;
    private final ChannelTrust trust;
    private final Duration deadline;

    public DetailsKeySender(NodeTls tls, ChannelTrust trust, Duration deadline) {
        this.tls = tls;
        this.trust = trust;
        this.deadline = deadline;
    }

    /** Returns once the target's node has stored the key; throws {@link TransferFailedException} otherwise. */
    public void share(String targetEndpoint, String targetMspId, String requestId, RequestKey key) {
        ManagedChannel channel = NodeChannel.open(targetEndpoint, targetMspId, tls, trust);
        try {
            ClientCalls.blockingUnaryCall(channel, TransferProtocol.SHARE_KEY,
                    CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS),
                    CanonicalJson.bytes(Map.of("requestId", requestId,
                            "key", Base64.getEncoder().encodeToString(key.bytes()))));
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            boolean later = code != Status.Code.PERMISSION_DENIED && code != Status.Code.INVALID_ARGUMENT;
            throw new TransferFailedException("The node of " + targetMspId + " at " + targetEndpoint
                    + " did not take the case-details key of request " + requestId + " (" + code
                    + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription()) + ")",
                    later, e);
        } finally {
            channel.shutdownNow();
        }
    }
}
