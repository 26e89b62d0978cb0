package org.gbx.client.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import org.gbx.client.config.ConfigException;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.NetworkConfigLoader;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.identity.UserIdentity;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.nodeapi.NodeApiClient;

/**
 * What one gbx invocation acts with: the config, the chosen organisation and user, the open
 * connection, and how to write results. Opened lazily so that {@code --help} needs no network.
 */
final class CliSession implements AutoCloseable {

    static final String ENV_ORG = "GBX_ORG";
    static final String ENV_USER = "GBX_USER";

    private final Gbx options;
    private final Map<String, String> environment;
    private final Messages messages;
    private final Output output;
    private NetworkConfig config;
    private LedgerConnection connection;
    private NodeApiClient node;

    CliSession(Gbx options, Map<String, String> environment, PrintWriter out, Messages messages) {
        this.options = options;
        this.environment = environment;
        this.messages = messages;
        this.output = new Output(out, options.json);
    }

    NetworkConfig config() {
        if (config == null) {
            config = new NetworkConfigLoader(environment, java.nio.file.Path.of(""))
                    .load(Optional.ofNullable(options.config));
        }
        return config;
    }

    /** Where the connection config is, by the same rules as {@link #config()} (its folder holds the default data). */
    java.nio.file.Path configPath() {
        return new NetworkConfigLoader(environment, java.nio.file.Path.of("")).locate(Optional.ofNullable(options.config));
    }

    /** A variable of this invocation's environment (the process's, or the one a caller in the same JVM gave). */
    String environmentVariable(String name) {
        return environment.get(name);
    }

    /** The organisation acted for, as a key of the config: one the config does not know is refused here. */
    String orgKey() {
        return config().requireOrganisation(choose(options.org, ENV_ORG, config().defaults().org(), "--org")).key();
    }

    /** A user name names a folder of enrolled users: letters, digits, dot, dash, underscore only. */
    private static final java.util.regex.Pattern USER_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    String user() {
        String user = choose(options.user, ENV_USER, config().defaults().user(), "--user");
        if (!USER_NAME.matcher(user).matches() || user.contains("..")) {
            throw new InvalidInputException("input.badUser", user);
        }
        return user;
    }

    private String choose(String fromOption, String environmentVariable, String fromConfig, String optionName) {
        if (fromOption != null) {
            return fromOption;
        }
        String fromEnvironment = environment.get(environmentVariable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (fromConfig != null) {
            return fromConfig;
        }
        throw new ConfigException(ConfigException.Reason.SELECTION_MISSING, optionName, environmentVariable);
    }

    LedgerConnection connection() {
        if (connection == null) {
            connection = LedgerConnection.open(config(), orgKey(), user());
        }
        return connection;
    }

    /** This officer's connection to their own force's exchange node (its local API). */
    NodeApiClient node() {
        if (node == null) {
            node = NodeApiClient.forOfficer(config(), orgKey(), user());
        }
        return node;
    }

    /** The user's enrolment identity; read from disk without connecting when no connection is open. */
    UserIdentity identity() {
        return connection != null ? connection.identity()
                : UserIdentity.load(config().requireOrganisation(orgKey()), user());
    }

    ExchangeLedger ledger() {
        return ExchangeLedger.over(connection());
    }

    Output output() {
        return output;
    }

    Messages messages() {
        return messages;
    }

    TimeDisplay time() {
        return new TimeDisplay(options.zone);
    }

    OrganisationNames organisations() {
        return new OrganisationNames(config(), messages);
    }

    /** The MSP id of the organisation this invocation acts for. */
    String ownMspId() {
        return config().requireOrganisation(orgKey()).mspId();
    }

    @Override
    public void close() {
        if (node != null) {
            node.close();
        }
        if (connection != null) {
            connection.close();
        }
    }
}
