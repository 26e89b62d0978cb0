package org.gbx.client.lookup.node;

import java.time.Duration;
import java.util.Map;
import org.gbx.client.transfer.NodeTls;

/**
 * How a force's lookup service runs.
 *
 * @param port where it serves on 127.0.0.1 (0: any free port)
 * @param tls the node's TLS identity, the one its exchange node uses
 * @param peerServices explicit lookup endpoints of other forces by MSP id, overriding {@link LookupDirectory}
 * @param keyLifetime how long a key serves before the node rotates to the next epoch
 * @param refreshInterval how often the node checks its records for changes to the set
 * @param retryPause wait before fetching a set again after a failure
 */
public record LookupSettings(int port, NodeTls tls, Map<String, String> peerServices, Duration keyLifetime,
        Duration refreshInterval, Duration retryPause) {

    public static final Duration DEFAULT_KEY_LIFETIME = Duration.ofDays(30);
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(10);

    public LookupSettings {
        peerServices = Map.copyOf(peerServices);
    }
}
