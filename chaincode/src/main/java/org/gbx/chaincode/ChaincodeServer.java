package org.gbx.chaincode;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Runs the contract as a service (CCaaS) with mutual TLS. The shim's own main never asks
 * the peer for a client certificate; this one always does. The contract router reads
 * {@code CORE_CHAINCODE_ID_NAME} and {@code CORE_PEER_LOCALMSPID} itself.
 */
public final class ChaincodeServer {
    /**
     * The router logs every transaction's arguments at INFO. Arguments carry no case details
     * by design, but free text could still hold personal data: keep it out of the logs.
     * Held in a field because java.util.logging forgets the level of unreferenced loggers.
     */
    private static final Logger ROUTER_LOG = Logger.getLogger(ContractRouter.class.getName());

    private ChaincodeServer() {
    }

    /** Called after the router is built: its constructor sets the shim's log levels. */
    static void keepArgumentsOutOfLogs() {
        ROUTER_LOG.setLevel(Level.WARNING);
    }

    public static void main(String[] args) throws Exception {
        ServerSettings settings = ServerSettings.fromEnvironment(System.getenv());
        ContractRouter router = new ContractRouter(new String[0]);
        keepArgumentsOutOfLogs();
        NettyChaincodeServer server = new NettyChaincodeServer(new TransactionArguments(router, new String[0]), settings.toProperties());
        router.startRouterWithChaincodeServer(server);
    }
}
