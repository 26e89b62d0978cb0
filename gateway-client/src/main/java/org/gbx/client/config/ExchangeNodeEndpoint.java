package org.gbx.client.config;

import java.nio.file.Path;

/**
 * Where a force's exchange node is reached and where its TLS certificate lives (config member
 * {@code exchangeNode}; the committee has none). {@code tlsDir} holds {@code server.crt},
 * {@code server.key} (PKCS#8) and {@code ca.crt}, enrolled at the force's TLS CA by
 * {@code scripts/org.sh} (null for another force's node).
 *
 * @param endpoint {@code host:port} the other forces' nodes dial
 * @param api {@code host:port} where the force's own officers reach its local API (null: the port plan)
 * @param listen the address the node binds to on its own host (null: 127.0.0.1)
 */
public record ExchangeNodeEndpoint(String endpoint, Path tlsDir, String api, String listen) {

    public ExchangeNodeEndpoint(String endpoint, Path tlsDir) {
        this(endpoint, tlsDir, null, null);
    }

    /** Where the node listens: {@link #listen}, else 127.0.0.1. */
    public String listenAddress() {
        return listen == null || listen.isBlank() ? "127.0.0.1" : listen;
    }

    public int port() {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    public Path certificate() {
        return tlsDir.resolve("server.crt");
    }

    public Path privateKey() {
        return tlsDir.resolve("server.key");
    }
}
