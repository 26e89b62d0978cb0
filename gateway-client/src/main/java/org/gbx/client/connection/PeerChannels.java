package org.gbx.client.connection;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
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
            return Grpc.newChannelBuilder(peer.endpoint(), credentials).build();
        } catch (IOException e) {
            throw new ConfigException(ConfigException.Reason.CONFIG_UNREADABLE, e,
                    peer.tlsRootCertPath().toString(), e.getMessage());
        }
    }
}
