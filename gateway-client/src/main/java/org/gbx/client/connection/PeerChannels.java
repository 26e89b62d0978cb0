package org.gbx.client.connection;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import org.gbx.client.config.ConfigException;
import org.gbx.client.config.PeerEndpoint;

/** Opens a TLS gRPC channel to one organisation's own peer, trusting only that org's TLS CA. */
final class PeerChannels {

    private PeerChannels() {
    }

    static ManagedChannel open(PeerEndpoint peer) {
        try {
            ChannelCredentials credentials = TlsChannelCredentials.newBuilder()
                    .trustManager(peer.tlsRootCertPath().toFile())
                    .build();
            // Netty directly: the provider registry behind Grpc.newChannelBuilder scans the class
            // path for transports on every call, for the one transport gbx ships.
            return NettyChannelBuilder.forTarget(peer.endpoint(), credentials).build();
        } catch (IOException e) {
            throw new ConfigException(ConfigException.Reason.CONFIG_UNREADABLE, e,
                    peer.tlsRootCertPath().toString(), e.getMessage());
        }
    }
}
