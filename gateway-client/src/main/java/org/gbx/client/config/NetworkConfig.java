package org.gbx.client.config;

import java.util.List;
import java.util.Optional;

/** The connection config written by {@code scripts/network.sh up}; format in docs/cli.md. */
public record NetworkConfig(String channel, String chaincode, List<Organisation> organisations,
        ConnectionDefaults defaults) {

    public NetworkConfig {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        defaults = defaults == null ? new ConnectionDefaults(null, null) : defaults;
    }

    public Optional<Organisation> organisation(String key) {
        return organisations.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    public Optional<Organisation> organisationByMsp(String mspId) {
        return organisations.stream().filter(o -> o.mspId().equals(mspId)).findFirst();
    }

    /** The organisation with this key, or a {@link ConfigException} naming the known keys. */
    public Organisation requireOrganisation(String key) {
        return organisation(key).orElseThrow(() -> new ConfigException(
                ConfigException.Reason.UNKNOWN_ORGANISATION, key,
                String.join(", ", organisations.stream().map(Organisation::key).toList())));
    }
}
