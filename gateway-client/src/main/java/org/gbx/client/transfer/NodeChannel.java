package org.gbx.client.transfer;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;

/** A mutual-TLS channel from this force's node to another force's, trusting only that force's TLS CA. */
final class NodeChannel {

    private NodeChannel() {
    }

    static ManagedChannel open(String endpoint, String otherMspId, NodeTls tls, ChannelTrust trust) {
        int colon = endpoint.lastIndexOf(':');
        try {
            return NettyChannelBuilder.forAddress(endpoint.substring(0, colon),
                    Integer.parseInt(endpoint.substring(colon + 1)), tls.channelCredentials(trust.tlsCas(otherMspId)))
                    .maxInboundMessageSize(TransferProtocol.MAX_MESSAGE_BYTES)
                    .flowControlWindow(TransferProtocol.RECEIVE_WINDOW_BYTES)
                    .build();
        } catch (IOException e) {
            throw new TransferFailedException("This node's TLS certificate or key cannot be read ("
                    + tls.certificate() + ", " + tls.privateKey() + ")", false, e);
        }
    }
}
