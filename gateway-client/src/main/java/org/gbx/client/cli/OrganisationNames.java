package org.gbx.client.cli;

import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;

/** Translates between what officers type ({@code zhuhai}) and what the ledger stores ({@code ZhuhaiPSBMSP}). */
final class OrganisationNames {

    /** The oversight committee audits and suspends; it is never party to a request. */
    static final String COMMITTEE = "OversightMSP";

    private final NetworkConfig config;
    private final Messages messages;

    OrganisationNames(NetworkConfig config, Messages messages) {
        this.config = config;
        this.messages = messages;
    }

    /** The MSP id for a config key or an MSP id as typed. */
    String mspId(String keyOrMspId) {
        return config.organisation(keyOrMspId).map(Organisation::mspId)
                .or(() -> config.organisationByMsp(keyOrMspId).map(Organisation::mspId))
                .orElseThrow(() -> new InvalidInputException("input.unknownOrganisation", keyOrMspId,
                        String.join(", ", config.organisations().stream().map(Organisation::key).toList())));
    }

    /** Whether the organisation is a force (any but the oversight committee): only forces are asked for data. */
    boolean isForce(String mspId) {
        return !mspId.equals(COMMITTEE);
    }

    /** The display name: from the bundle (localised), else the config, else the MSP id. */
    String displayName(String mspId) {
        if (mspId == null) {
            return "";
        }
        return messages.find("org." + mspId)
                .or(() -> config.organisationByMsp(mspId).map(Organisation::name))
                .orElse(mspId);
    }
}
