package org.gbx.client.node;

import java.time.Instant;
import java.util.logging.Logger;
import org.gbx.client.delivery.ExpectedDelivery;
import org.gbx.client.delivery.IncomingPackage;
import org.gbx.client.delivery.PackageRejectedException;
import org.gbx.client.delivery.VerifiedPackage;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Delivery;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Status;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.ReceivedStore;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.PackageFetcher;

/**
 * The requesting force's side: when the owner records a delivery, fetches the package from the
 * owner's node, verifies it against the ledger's hash and Merkle root and the owner's signature,
 * stores it in the received-data store, and only then records receipt with the hash it computed.
 * A package that fails verification is not stored; its computed hash is recorded as a mismatched
 * receipt, so both forces and the committee see the failure.
 */
final class Receiver {

    private static final Logger LOG = Logger.getLogger(Receiver.class.getName());

    private final String mspId;
    private final ExchangeLedger ledger;
    private final ReceivedStore store;
    private final PackageFetcher fetcher;
    private final NodeDirectory directory;
    private final ChannelTrust trust;
    private final DataHome home;
    private final NodeListener listener;
    private final DetailsKeys keys;

    Receiver(String mspId, ExchangeLedger ledger, DetailsKeys keys, ReceivedStore store, PackageFetcher fetcher,
            NodeDirectory directory, ChannelTrust trust, DataHome home, NodeListener listener) {
        this.mspId = mspId;
        this.keys = keys;
        this.ledger = ledger;
        this.store = store;
        this.fetcher = fetcher;
        this.directory = directory;
        this.trust = trust;
        this.home = home;
        this.listener = listener;
    }

    /**
     * Fetches, verifies and stores a delivery for a request this node created (it holds the
     * request's case-details key: every request of its force went through it); others are not its own.
     */
    void receive(String requestId) {
        if (!keys.holds(requestId)) {
            return;
        }
        ExchangeRequest request = ledger.getRequest(requestId);
        if (!request.requesterOrg().equals(mspId) || request.status() != Status.DELIVERED || request.delivery() == null) {
            return;
        }
        Delivery delivery = request.delivery();
        if (request.receipt() != null && !request.receipt().matches()
                && !request.receipt().receivedAt().isBefore(delivery.deliveredAt())) {
            // this delivery was already fetched and reported as not verifying: only a new one is fetched
            return;
        }
        String stored = store.storedHash(requestId).orElse(null);
        if (delivery.packageHash().equals(stored)) {
            // stored before a crash, receipt not yet recorded
            recordReceipt(requestId, stored);
            return;
        }
        if (stored != null) {
            store.destroy(requestId);
        }
        ExpectedDelivery expected = new ExpectedDelivery(requestId, request.targetOrg(), mspId, delivery.packageHash(),
                delivery.merkleRoot(), Math.toIntExact(delivery.recordCount()), delivery.sizeBytes(),
                delivery.categories().stream().map(Enum::name).toList());
        IncomingPackage incoming = IncomingPackage.open(home.incoming(), expected, trust.enrolmentCas(request.targetOrg()));
        try {
            VerifiedPackage verified = fetcher.fetch(directory.endpoint(request.targetOrg()), request.targetOrg(),
                    requestId, incoming, listener);
            store.store(new ReceivedStore.Incoming(requestId, request.targetOrg(), verified.packageHash(),
                    verified.manifest().merkleRoot(), verified.manifest().recordCount(), verified.manifest().sizeBytes(),
                    verified.records().stream().map(r -> new ReceivedStore.Item(r.position(), r.category(),
                            r.recordId(), r.canonicalJson(), r.clipFile())).toList()), Instant.now());
            incoming.discard();
            recordReceipt(requestId, verified.packageHash());
        } catch (PackageRejectedException e) {
            String computed = e.computedHash() != null ? e.computedHash() : "0".repeat(64);
            Submitted<ExchangeRequest> receipt = ledger.recordReceipt(requestId, computed);
            LOG.warning("REJECTED the package of request " + requestId + " from " + request.targetOrg() + " ("
                    + e.reason() + "); nothing was stored. Mismatch recorded on the ledger in transaction "
                    + receipt.receipt().transactionId() + ".");
            listener.rejected(requestId, e.reason().name(), receipt.receipt().transactionId());
        }
    }

    private void recordReceipt(String requestId, String hash) {
        Submitted<ExchangeRequest> receipt = ledger.recordReceipt(requestId, hash);
        LOG.info(() -> "package of request " + requestId + " verified and stored; receipt recorded in transaction "
                + receipt.receipt().transactionId());
        listener.received(requestId, hash, receipt.receipt().transactionId());
    }
}
