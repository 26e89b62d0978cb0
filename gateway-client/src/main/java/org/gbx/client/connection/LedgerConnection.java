package org.gbx.client.connection;

import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.identity.UserIdentity;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * A user's open session with the ledger through their own organisation's peer (the Fabric
 * Gateway there finds the other organisations' peers for endorsement).
 */
public final class LedgerConnection implements AutoCloseable {

    private final NetworkConfig config;
    private final UserIdentity identity;
    private final ManagedChannel channel;
    private final Gateway gateway;

    private LedgerConnection(NetworkConfig config, UserIdentity identity, ManagedChannel channel, Gateway gateway) {
        this.config = config;
        this.identity = identity;
        this.channel = channel;
        this.gateway = gateway;
    }

    /** Connects {@code user} of organisation {@code orgKey} to that organisation's peer. */
    public static LedgerConnection open(NetworkConfig config, String orgKey, String user) {
        return openThrough(config, orgKey, user, orgKey);
    }

    /**
     * Connects {@code user} of organisation {@code orgKey} to the peer of organisation
     * {@code peerOrgKey}: how the committee reads another force's copy of the ledger to compare it.
     */
    public static LedgerConnection openThrough(NetworkConfig config, String orgKey, String user, String peerOrgKey) {
        UserIdentity identity = UserIdentity.load(config.requireOrganisation(orgKey), user);
        return open(config, identity, identity.signer(), peerOrgKey);
    }

    /** Like {@link #open}, signing with the signer that is fastest per signature once loaded (benchmarks). */
    public static LedgerConnection openForThroughput(NetworkConfig config, String orgKey, String user) {
        UserIdentity identity = UserIdentity.load(config.requireOrganisation(orgKey), user);
        return open(config, identity, identity.throughputSigner(), orgKey);
    }

    private static LedgerConnection open(NetworkConfig config, UserIdentity identity, Signer signer,
            String peerOrgKey) {
        ManagedChannel channel = PeerChannels.open(config.requireOrganisation(peerOrgKey).peer());
        Gateway gateway = Gateway.newInstance()
                .identity(identity.fabricIdentity())
                .signer(signer)
                .hash(Hash.SHA256)
                .connection(channel)
                .connect();
        return new LedgerConnection(config, identity, channel, gateway);
    }

    public NetworkConfig config() {
        return config;
    }

    public UserIdentity identity() {
        return identity;
    }

    public Network network() {
        return gateway.getNetwork(config.channel());
    }

    public Contract contract() {
        return network().getContract(config.chaincode());
    }

    @Override
    public void close() {
        gateway.close();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
