package org.gbx.client.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (the Maven project version), or "dev" when run from classes. */
final class GbxVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Gbx.class.getPackage().getImplementationVersion();
        return new String[] {"gbx " + (version == null ? "dev" : version)};
    }
}
