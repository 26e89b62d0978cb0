package org.gbx.client.lookup.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gbx.client.delivery.CanonicalJson;
import org.gbx.client.lookup.oprf.BlindEvaluation;
import org.gbx.client.lookup.oprf.DleqProof;
import org.gbx.client.lookup.oprf.P256Group;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.NodeTls;

/**
 * The asker's side of the lookup protocol: fetches a holder's set and asks it to evaluate a
 * blinded element, over mutual TLS with this force's node certificate, trusting only the holder
 * force's TLS CA.
 */
public final class LookupClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManagedChannel channel;
    private final String holderMspId;
    private final Duration deadline;

    private LookupClient(ManagedChannel channel, String holderMspId, Duration deadline) {
        this.channel = channel;
        this.holderMspId = holderMspId;
        this.deadline = deadline;
    }

    public static LookupClient connect(String endpoint, String holderMspId, NodeTls tls, ChannelTrust trust,
            Duration deadline) {
        int colon = endpoint.lastIndexOf(':');
        try {
            ManagedChannel channel = NettyChannelBuilder.forAddress(endpoint.substring(0, colon),
                    Integer.parseInt(endpoint.substring(colon + 1)), tls.channelCredentials(trust.tlsCas(holderMspId)))
                    .maxInboundMessageSize(LookupProtocol.MAX_MESSAGE_BYTES)
                    .build();
            return new LookupClient(channel, holderMspId, deadline);
        } catch (IOException e) {
            throw new UncheckedIOException("this node's TLS certificate or key cannot be read", e);
        }
    }

    /**
     * The holder's evaluation of a blinded element of a lookup on the ledger.
     *
     * @throws LookupRefusedException when the holder refuses (the gRPC status says why)
     * @throws StatusRuntimeException when it cannot be reached
     */
    public Evaluated evaluate(String lookupId, byte[] blindedElement) {
        byte[] request = CanonicalJson.bytes(Map.of("lookupId", lookupId,
                "blindedElement", HexFormat.of().formatHex(blindedElement)));
        byte[] answer;
        try {
            answer = ClientCalls.blockingUnaryCall(channel, LookupProtocol.EVALUATE, options(), request);
        } catch (StatusRuntimeException e) {
            switch (e.getStatus().getCode()) {
                case PERMISSION_DENIED, INVALID_ARGUMENT, FAILED_PRECONDITION -> throw refusal(e);
                default -> throw e;
            }
        }
        try {
            JsonNode json = JSON.readTree(answer);
            return new Evaluated(json.required("epoch").asInt(), new BlindEvaluation(
                    P256Group.deserializeElement(HexFormat.of().parseHex(json.required("evaluatedElement").asText())),
                    DleqProof.parse(HexFormat.of().parseHex(json.required("proof").asText()))));
        } catch (IOException | IllegalArgumentException e) {
            throw new LookupRefusedException(LookupRefusedException.Reason.MALFORMED,
                    "the node of " + holderMspId + " answered something that is not an evaluation");
        }
    }

    /** An evaluation and the key epoch the holder says it used (the proof decides). */
    public record Evaluated(int epoch, BlindEvaluation evaluation) {
    }

    /** The holder's set of {@code epoch} as a stream of its bytes. */
    public InputStream fetchSet(int epoch) {
        Iterator<byte[]> chunks = ClientCalls.blockingServerStreamingCall(channel, LookupProtocol.FETCH_SET, options(),
                CanonicalJson.bytes(Map.of("epoch", epoch)));
        return new SequenceInputStream(new java.util.Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return chunks.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return new java.io.ByteArrayInputStream(chunks.next());
            }
        });
    }

    private CallOptions options() {
        return CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private LookupRefusedException refusal(StatusRuntimeException e) {
        String description = e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription();
        LookupRefusedException.Reason reason = java.util.Arrays.stream(LookupRefusedException.Reason.values())
                .filter(r -> description.startsWith(r.name() + ":")).findFirst()
                .orElse(LookupRefusedException.Reason.NOT_THE_RECORDED_LOOKUP);
        return new LookupRefusedException(reason, "the node of " + holderMspId + " refused: " + description);
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
