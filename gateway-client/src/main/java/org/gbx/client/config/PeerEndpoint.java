package org.gbx.client.config;

import java.nio.file.Path;

/** Where an organisation's peer listens and which CA certificate its TLS chain ends in. */
public record PeerEndpoint(String endpoint, Path tlsRootCertPath) {

    /** Host part of {@code host:port}; the TLS authority the client expects in the peer's certificate. */
    public String host() {
        int colon = endpoint.lastIndexOf(':');
        return colon < 0 ? endpoint : endpoint.substring(0, colon);
    }
}
