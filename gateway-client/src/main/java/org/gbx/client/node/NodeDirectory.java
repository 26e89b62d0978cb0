package org.gbx.client.node;

import java.util.Map;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;

/**
 * Where each force's exchange node listens: an explicit override, else the config's
 * {@code exchangeNode.endpoint}, else the network's port plan (organisation port base * 1000 + 70
 * on the peer's host, the peer being on base * 1000 + 51: Macau 7070, Zhuhai 8070). Its local API
 * for its own officers: {@code exchangeNode.api}, else base * 1000 + 72 on the same host (71 is the lookup service's).
 */
public final class NodeDirectory {

    static final int NODE_PORT_OFFSET = 70;
    static final int API_PORT_OFFSET = 72;

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
        if (organisation.exchangeNode() != null) {
            return organisation.exchangeNode().endpoint();
        }
        return organisation.peer().host() + ":" + port(organisation);
    }

    /** {@code host:port} of the force's local API, for its officers' gbx. */
    public static String apiEndpoint(Organisation organisation) {
        if (organisation.exchangeNode() != null && organisation.exchangeNode().api() != null) {
            return organisation.exchangeNode().api();
        }
        String nodeEndpoint = organisation.exchangeNode() != null ? organisation.exchangeNode().endpoint()
                : organisation.peer().endpoint();
        int colon = nodeEndpoint.lastIndexOf(':');
        int port = Integer.parseInt(nodeEndpoint.substring(colon + 1));
        return nodeEndpoint.substring(0, colon) + ":" + (port / 1000 * 1000 + API_PORT_OFFSET);
    }

    public static int port(Organisation organisation) {
        if (organisation.exchangeNode() != null) {
            return organisation.exchangeNode().port();
        }
        String endpoint = organisation.peer().endpoint();
        int peerPort = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        return peerPort / 1000 * 1000 + NODE_PORT_OFFSET;
    }
}
