package org.gbx.client.node;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.gbx.client.transfer.NodeTls;

/**
 * How one force's exchange node runs.
 *
 * @param listenAddress the address of this host the node serves packages on (127.0.0.1 on one machine)
 * @param port where the node serves packages (0: any free port)
 * @param apiHost the address its own officers' local API listens on (127.0.0.1 on one machine)
 * @param apiPort its port (0: any free port)
 * @param peerNodes explicit node endpoints by MSP id, overriding the port plan
 * @param sourceReliability and informationAccuracy: the grading recorded with each delivery
 * @param retryPause wait before retrying a delivery or receipt that failed for a passing reason
 */
public record NodeSettings(String listenAddress, int port, String apiHost, int apiPort, NodeTls tls,
        Map<String, String> peerNodes, String sourceReliability,
        int informationAccuracy, int chunkSize, Duration transferDeadline, int transferAttempts,
        Duration retryPause, int maxRetries, OptionalLong startBlock) {

    public NodeSettings {
        peerNodes = Map.copyOf(peerNodes);
    }
}
