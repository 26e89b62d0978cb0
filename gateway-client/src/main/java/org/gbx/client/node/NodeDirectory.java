package org.gbx.client.node;

import java.util.Map;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;

/**
 * Where each force's exchange node listens. By the network's port plan a node listens on its
 * organisation's port base * 1000 + 70 on the peer's host (the peer is on base * 1000 + 51), e.g.
 * Macau 7070 and Zhuhai 8070; explicit endpoints override the plan.
 */
public final class NodeDirectory {

    static final int NODE_PORT_OFFSET = 70;

    private final NetworkConfig config;
    private final Map<String, String> overrides;

    /** @param overrides MSP id to {@code host:port} */
    public NodeDirectory(NetworkConfig config, Map<String, String> overrides) {
        this.config = config;
        this.overrides = Map.copyOf(overrides);
    }

    public String endpoint(String mspId) {
        String override = overrides.get(mspId);
        if (override != null) {
            return override;
        }
        Organisation organisation = config.organisationByMsp(mspId).orElseThrow(() -> new IllegalArgumentException(
                mspId + " is not an organisation of the channel config"));
        return organisation.peer().host() + ":" + port(organisation);
    }

    public static int port(Organisation organisation) {
        String endpoint = organisation.peer().endpoint();
        int peerPort = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        return peerPort / 1000 * 1000 + NODE_PORT_OFFSET;
    }
}
