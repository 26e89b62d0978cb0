package org.gbx.chaincode;

import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Runs the contract as a service (CCaaS) with mutual TLS. The shim's own main never asks
 * the peer for a client certificate; this one always does. The contract router reads
 * {@code CORE_CHAINCODE_ID_NAME} and {@code CORE_PEER_LOCALMSPID} itself.
 */
public final class ChaincodeServer {
    private ChaincodeServer() {
    }

    public static void main(String[] args) throws Exception {
        ServerSettings settings = ServerSettings.fromEnvironment(System.getenv());
        ContractRouter router = new ContractRouter(new String[0]);
        router.startRouterWithChaincodeServer(new NettyChaincodeServer(router, settings.toProperties()));
    }
}
