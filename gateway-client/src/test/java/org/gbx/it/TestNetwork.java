package org.gbx.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.NetworkConfigLoader;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ExchangeLedger;

/**
 * The shared fixture of every integration test, in this module or another: the running gbx
 * network named by {@code GBX_CONFIG} (written by {@code scripts/network.sh up}).
 *
 * <pre>{@code
 * try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON)) {
 *     ExchangeLedger ledger = ExchangeLedger.over(macau);
 *     ledger.ping(TestNetwork.uniqueId("ping"));
 * }
 * }</pre>
 *
 * All tests share one network, so every id a test writes comes from {@link #uniqueId}. Without a
 * network config the tests fail (never skip) with a message saying how to start one.
 */
public final class TestNetwork {

    /** One enrolled user and what the chaincode must see for them. */
    public record User(String org, String name, String mspId, String role) {
        @Override
        public String toString() {
            return org + "/" + name;
        }
    }

    public static final User MACAU_LIAISON = new User("macau", "liaison1", "MacauPJMSP", "liaison");
    public static final User MACAU_APPROVER = new User("macau", "approver1", "MacauPJMSP", "approver");
    /** A second Macau liaison officer, for per-officer rules such as the daily lookup cap. */
    public static final User MACAU_LIAISON_2 = new User("macau", "liaison2", "MacauPJMSP", "liaison");
    public static final User MACAU_ADMIN = new User("macau", "admin", "MacauPJMSP", "admin");
    public static final User ZHUHAI_LIAISON = new User("zhuhai", "liaison1", "ZhuhaiPSBMSP", "liaison");
    public static final User ZHUHAI_APPROVER = new User("zhuhai", "approver1", "ZhuhaiPSBMSP", "approver");
    public static final User ZHUHAI_LIAISON_2 = new User("zhuhai", "liaison2", "ZhuhaiPSBMSP", "liaison");
    public static final User ZHUHAI_ADMIN = new User("zhuhai", "admin", "ZhuhaiPSBMSP", "admin");
    public static final User OVERSIGHT_AUDITOR = new User("oversight", "auditor1", "OversightMSP", "auditor");
    public static final User OVERSIGHT_ADMIN = new User("oversight", "admin", "OversightMSP", "admin");

    /** The ten users {@code network.sh up} enrols (network-config/identities.conf). */
    public static final List<User> ALL_USERS = List.of(MACAU_LIAISON, MACAU_LIAISON_2, MACAU_APPROVER, MACAU_ADMIN,
            ZHUHAI_LIAISON, ZHUHAI_LIAISON_2, ZHUHAI_APPROVER, ZHUHAI_ADMIN, OVERSIGHT_AUDITOR, OVERSIGHT_ADMIN);

    /** Distinguishes this JVM's ids from every earlier run on the same long-lived network. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static NetworkConfig config;

    private TestNetwork() {
    }

    /** The config file of the running network; fails the calling test if there is none. */
    public static synchronized Path configPath() {
        String value = System.getenv(NetworkConfigLoader.ENV_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("GBX_CONFIG is not set. Integration tests need the running network: "
                    + "scripts/network.sh up, then GBX_CONFIG=$PWD/.network/gbx-network.json mvn -Pintegration verify "
                    + "(scripts/test.sh does both).");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("GBX_CONFIG names " + path + ", which does not exist: is the network up? "
                    + "(scripts/network.sh status)");
        }
        return path;
    }

    public static synchronized NetworkConfig config() {
        if (config == null) {
            config = NetworkConfigLoader.read(configPath());
        }
        return config;
    }

    /** A Gateway connection for {@code user}, through that user's own organisation's peer. Close it. */
    public static LedgerConnection connect(User user) {
        return LedgerConnection.open(config(), user.org(), user.name());
    }

    /** The typed facade over a connection opened with {@link #connect}. */
    public static ExchangeLedger ledger(LedgerConnection connection) {
        return ExchangeLedger.over(connection);
    }

    /** An id no other test or run uses, valid as a chaincode id: {@code prefix-run-n}. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }
}
