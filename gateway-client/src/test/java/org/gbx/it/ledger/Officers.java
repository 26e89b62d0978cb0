package org.gbx.it.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.it.TestNetwork;
import org.gbx.it.TestNetwork.User;

/**
 * One Gateway connection per user, each through the user's own organisation's peer, opened on
 * first use and shared by a test class (connections are costly; the ledger is the shared state).
 */
final class Officers implements AutoCloseable {

    private final Map<User, LedgerConnection> connections = new LinkedHashMap<>();

    synchronized LedgerConnection connection(User user) {
        return connections.computeIfAbsent(user, TestNetwork::connect);
    }

    ExchangeLedger ledger(User user) {
        return TestNetwork.ledger(connection(user));
    }

    @Override
    public synchronized void close() {
        connections.values().forEach(LedgerConnection::close);
        connections.clear();
    }
}
