package org.gbx.client.lookup.node;

import java.util.Map;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;
import org.gbx.client.node.NodeDirectory;

/**
 * Where each force's lookup service listens: an explicit override, else beside its exchange node,
 * on the exchange node's port plus one (Macau 7071, Zhuhai 8071 on the local network).
 */
public final class LookupDirectory {

    static final int PORT_AFTER_EXCHANGE_NODE = 1;

    private final NodeDirectory nodes;
    private final Map<String, String> overrides;

    public LookupDirectory(NetworkConfig config, Map<String, String> overrides) {
        this.nodes = new NodeDirectory(config, Map.of());
        this.overrides = Map.copyOf(overrides);
    }

    public String endpoint(String mspId) {
        String override = overrides.get(mspId);
        if (override != null) {
            return override;
        }
        String node = nodes.endpoint(mspId);
        int colon = node.lastIndexOf(':');
        return node.substring(0, colon + 1) + (Integer.parseInt(node.substring(colon + 1)) + PORT_AFTER_EXCHANGE_NODE);
    }

    public static int port(Organisation organisation) {
        return NodeDirectory.port(organisation) + PORT_AFTER_EXCHANGE_NODE;
    }
}
