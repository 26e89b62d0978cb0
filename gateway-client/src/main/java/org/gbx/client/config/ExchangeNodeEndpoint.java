package org.gbx.client.config;

import java.nio.file.Path;

/**
 * Where a force's exchange node listens and where its TLS certificate lives (config member
 * {@code exchangeNode}; the committee has none). {@code endpoint} is where the other forces'
 * nodes reach it; {@code api} where its own force's officers do (its local API; null: the port
 * plan). {@code tlsDir} holds {@code server.crt}, {@code server.key} (PKCS#8) and {@code ca.crt},
 * enrolled at the force's TLS CA by {@code scripts/network.sh up}.
 */
public record ExchangeNodeEndpoint(String endpoint, Path tlsDir, String api) {

    public ExchangeNodeEndpoint(String endpoint, Path tlsDir) {
        this(endpoint, tlsDir, null);
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
