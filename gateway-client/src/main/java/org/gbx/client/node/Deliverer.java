package org.gbx.client.node;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.gbx.client.delivery.DeliveryPackage;
import org.gbx.client.delivery.ManifestSigner;
import org.gbx.client.delivery.PackageBuilder;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.LedgerException;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.DeliveryManifest;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Status;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.RecordSelector;
import org.gbx.client.records.SourceRecord;
import org.gbx.client.transfer.PackageSource;
import org.gbx.client.transfer.TransferRefusedException;

/**
 * The owning force's side: when its approver grants a request, builds the package from exactly
 * the granted categories for the subjects in the case details (opened with the key the requesting
 * force's node handed over), records the delivery on the ledger,
 * and serves the package to the requester's node (and to no one else).
 */
final class Deliverer implements PackageSource {

    private static final Logger LOG = Logger.getLogger(Deliverer.class.getName());
    private static final Set<Status> DELIVERABLE = EnumSet.of(Status.APPROVED, Status.PARTIALLY_APPROVED, Status.DELIVERED);

    private final String mspId;
    private final ExchangeLedger ledger;
    private final RecordSelector selector;
    private final PackageBuilder builder;
    private final DataHome home;
    private final NodeSettings settings;
    private final NodeListener listener;
    private final DetailsKeys keys;

    Deliverer(String mspId, ExchangeLedger ledger, DetailsKeys keys, RecordSelector selector, ManifestSigner signer,
            DataHome home, NodeSettings settings, NodeListener listener) {
        this.mspId = mspId;
        this.ledger = ledger;
        this.keys = keys;
        this.selector = selector;
        this.builder = new PackageBuilder(signer, settings.chunkSize());
        this.home = home;
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * Builds and records the delivery of a granted request; does nothing if already done, or while
     * the requesting force's node has not handed over the case-details key (its arrival starts
     * the delivery).
     */
    void deliver(String requestId) {
        if (!keys.holds(requestId)) {
            return;
        }
        ExchangeRequest request = ledger.getRequest(requestId);
        if (!request.targetOrg().equals(mspId) || !DELIVERABLE.contains(request.status()) || request.grant() == null) {
            return;
        }
        Path folder = outbox(requestId);
        if (request.delivery() != null && DeliveryPackage.existsIn(folder)
                && DeliveryPackage.open(folder).manifest().packageHash().equals(request.delivery().packageHash())) {
            return;
        }
        List<DataCategory> granted = request.grant().categories().stream().sorted().toList();
        List<SourceRecord> records = selector.select(CaseSubjects.of(keys.open(requestId)), EnumSet.copyOf(granted));
        if (records.isEmpty()) {
            // The requester must learn it from the ledger, not wait for a delivery that never comes.
            Submitted<ExchangeRequest> answered = ledger.recordNoMatch(requestId);
            LOG.info(() -> "no records on file for the subjects of request " + requestId + " in the granted "
                    + "categories; recorded on the ledger, transaction " + answered.receipt().transactionId());
            listener.noMatch(requestId, answered.receipt().transactionId());
            return;
        }
        DeliveryPackage built = builder.build(new PackageBuilder.Addressing(requestId, mspId, request.requesterOrg(),
                granted.stream().map(Enum::name).toList()), records, folder);
        String hash = built.manifest().packageHash();
        if (request.delivery() != null && request.delivery().packageHash().equals(hash)) {
            return;
        }
        Submitted<ExchangeRequest> submitted = ledger.recordDelivery(requestId, new DeliveryManifest(hash,
                built.manifest().merkleRoot(), built.manifest().recordCount(), built.manifest().sizeBytes(),
                settings.sourceReliability(), settings.informationAccuracy(), granted));
        LOG.info(() -> "delivery of request " + requestId + " recorded: " + built.manifest().recordCount()
                + " records, " + built.manifest().sizeBytes() + " bytes, package " + hash + ", transaction "
                + submitted.receipt().transactionId());
        listener.delivered(requestId, hash, submitted.receipt().transactionId());
    }

    /** The grant ended (revoked, expired, destroyed): the package is no longer served, and is erased. */
    void withdraw(String requestId) {
        try {
            DeliveryPackage.delete(outbox(requestId));
        } catch (java.io.IOException e) {
            LOG.warning("the package of request " + requestId + " could not be removed from the outbox: " + e.getMessage());
        }
    }

    @Override
    public DeliveryPackage packageFor(String requestId, String clientMspId) {
        if (!RequestIds.isValid(requestId)) {
            throw new TransferRefusedException(TransferRefusedException.Reason.NO_PACKAGE, "no such request");
        }
        ExchangeRequest request;
        try {
            request = ledger.getRequest(requestId);
        } catch (LedgerException e) {
            throw new TransferRefusedException(TransferRefusedException.Reason.NO_PACKAGE,
                    "the request cannot be read from the ledger now");
        }
        if (!request.requesterOrg().equals(clientMspId) || !request.targetOrg().equals(mspId)) {
            throw new TransferRefusedException(TransferRefusedException.Reason.NOT_THE_REQUESTER,
                    "only the requesting force may fetch this package");
        }
        Path folder = outbox(requestId);
        if (request.status() != Status.DELIVERED || request.delivery() == null || !DeliveryPackage.existsIn(folder)) {
            throw new TransferRefusedException(TransferRefusedException.Reason.NO_PACKAGE,
                    "no delivered package for this request");
        }
        DeliveryPackage delivery = DeliveryPackage.open(folder);
        if (!delivery.manifest().packageHash().equals(request.delivery().packageHash())) {
            throw new TransferRefusedException(TransferRefusedException.Reason.NO_PACKAGE,
                    "the package in the outbox is not the one recorded on the ledger");
        }
        return delivery;
    }

    private Path outbox(String requestId) {
        return home.outbox().resolve(requestId);
    }
}
