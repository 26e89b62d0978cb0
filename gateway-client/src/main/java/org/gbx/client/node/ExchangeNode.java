package org.gbx.client.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.delivery.ManifestSigner;
import org.gbx.client.identity.UserIdentity;
import org.gbx.client.ledger.EventFollower;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.LedgerEvent;
import org.gbx.client.ledger.LedgerException;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.RequestPage;
import org.gbx.client.model.Status;
import org.gbx.client.records.RecordSelector;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.ReceivedStore;
import org.gbx.client.records.RecordsException;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.PackageFetcher;
import org.gbx.client.transfer.PackageServer;
import org.gbx.client.transfer.TransferFailedException;

/**
 * One force's long-lived exchange node. Ledger events are its triggers and the ledger's state is
 * its truth: on start it catches up from the ledger (grants not yet delivered, deliveries not yet
 * received), then follows events from a durable checkpoint. Work runs off the event thread, so
 * a long transfer never holds up the checkpoint; work that fails for a passing reason (ledger or
 * other node unreachable) is retried after a pause, a bounded number of times.
 */
public final class ExchangeNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExchangeNode.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mspId;
    private final ExchangeLedger ledger;
    private final Deliverer deliverer;
    private final Receiver receiver;
    private final PackageServer server;
    private final EventFollower follower;
    private final NodeSettings settings;
    private final NodeListener listener;
    private final ScheduledExecutorService work = Executors.newScheduledThreadPool(2);
    private final Set<String> inFlight = new HashSet<>();
    private final Thread eventThread;

    private ExchangeNode(String mspId, ExchangeLedger ledger, Deliverer deliverer, Receiver receiver,
            PackageServer server, EventFollower follower, NodeSettings settings, NodeListener listener) {
        this.mspId = mspId;
        this.ledger = ledger;
        this.deliverer = deliverer;
        this.receiver = receiver;
        this.server = server;
        this.follower = follower;
        this.settings = settings;
        this.listener = listener;
        this.eventThread = new Thread(this::followEvents, "gbx-node-events");
    }

    /** Starts serving, catches up from the ledger, and follows events until {@link #close()}. */
    public static ExchangeNode start(LedgerConnection connection, RecordsDatabase database, NodeSettings settings,
            NodeListener listener) throws IOException {
        NetworkConfig config = connection.config();
        UserIdentity identity = connection.identity();
        String mspId = identity.organisation().mspId();
        ExchangeLedger ledger = ExchangeLedger.over(connection);
        ChannelTrust trust = ChannelTrust.of(config);
        Deliverer deliverer = new Deliverer(mspId, ledger, new RecordSelector(database),
                new ManifestSigner(identity.privateKey(), identity.certificate()), database.home(), settings, listener);
        PackageFetcher fetcher = new PackageFetcher(settings.tls(), trust, settings.transferDeadline(),
                settings.transferAttempts(), Duration.ofSeconds(5));
        Receiver receiver = new Receiver(mspId, ledger, new ReceivedStore(database), fetcher,
                new NodeDirectory(config, settings.peerNodes()), trust, database.home(), listener);
        PackageServer server = PackageServer.start(settings.port(), settings.tls(), trust, deliverer);
        EventFollower follower = EventFollower.open(connection, database.home().eventCheckpoint(), settings.startBlock());
        ExchangeNode node = new ExchangeNode(mspId, ledger, deliverer, receiver, server, follower, settings, listener);
        LOG.info(() -> "exchange node of " + mspId + " serving packages on 127.0.0.1:" + server.port());
        node.catchUp();
        node.eventThread.start();
        return node;
    }

    public int port() {
        return server.port();
    }

    /** Work the ledger says is outstanding, whatever events were missed while the node was down. */
    private void catchUp() {
        for (Status status : List.of(Status.APPROVED, Status.PARTIALLY_APPROVED, Status.DELIVERED)) {
            try {
                String bookmark = "";
                do {
                    RequestPage page = ledger.listRequests(mspId, status, 100, bookmark);
                    for (ExchangeRequest request : page.records()) {
                        dispatch(request.requestId(), request.requesterOrg(), request.targetOrg(), status.name());
                    }
                    bookmark = page.bookmark();
                } while (bookmark != null && !bookmark.isEmpty());
            } catch (LedgerException e) {
                LOG.warning("catching up on " + status + " requests failed (" + e.getMessage()
                        + "); events will still be followed");
            }
        }
    }

    private void followEvents() {
        follower.followUntilStopped(this::onEvent, settings.retryPause());
    }

    private void onEvent(LedgerEvent event) throws IOException {
        JsonNode payload = JSON.readTree(event.payload());
        String requestId = payload.path("requestId").asText(null);
        if (requestId == null) {
            return;
        }
        String requesterOrg = payload.path("requesterOrg").asText();
        String targetOrg = payload.path("targetOrg").asText();
        switch (event.name()) {
            case "RequestApproved", "DeliveryRecorded" -> dispatch(requestId, requesterOrg, targetOrg, event.name());
            case "GrantRevoked", "GrantExpired", "DestructionRecorded" -> {
                if (targetOrg.equals(mspId)) {
                    deliverer.withdraw(requestId);
                }
            }
            case "ReceiptMismatch" -> {
                if (targetOrg.equals(mspId)) {
                    LOG.warning("the requester reported that the package of request " + requestId
                            + " did not verify; check the package and deliver again");
                }
            }
            default -> { }
        }
    }

    private void dispatch(String requestId, String requesterOrg, String targetOrg, String why) {
        if (targetOrg.equals(mspId) && !why.equals("DeliveryRecorded")) {
            schedule(requestId, "deliver", () -> deliverer.deliver(requestId), 0, 0);
        } else if (requesterOrg.equals(mspId) && (why.equals("DeliveryRecorded") || why.equals("DELIVERED"))) {
            schedule(requestId, "receive", () -> receiver.receive(requestId), 0, 0);
        }
    }

    private void schedule(String requestId, String what, Runnable job, long delayMillis, int attempt) {
        String key = what + ":" + requestId;
        work.schedule(() -> {
            synchronized (inFlight) {
                if (!inFlight.add(key)) {
                    return;
                }
            }
            try {
                job.run();
            } catch (LedgerException | TransferFailedException | RecordsException | UncheckedIOException e) {
                boolean retry = !(e instanceof TransferFailedException t) || t.retryLater();
                String message = "could not " + what + " request " + requestId + ": " + e.getMessage();
                if (retry && attempt < settings.maxRetries()) {
                    LOG.warning(message + "; trying again in " + settings.retryPause().toSeconds() + " s");
                    release(key);
                    schedule(requestId, what, job, settings.retryPause().toMillis(), attempt + 1);
                    return;
                }
                LOG.severe(message + "; giving up until the node restarts");
                listener.failed(requestId, message);
            } catch (IllegalArgumentException e) {
                LOG.severe("could not " + what + " request " + requestId + ": " + e.getMessage());
                listener.failed(requestId, e.getMessage());
            } finally {
                release(key);
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void release(String key) {
        synchronized (inFlight) {
            inFlight.remove(key);
        }
    }

    /** Stops following events, finishes nothing half-way that matters (all state is resumable), stops serving. */
    @Override
    public void close() {
        follower.stop();
        eventThread.interrupt();
        work.shutdownNow();
        server.close();
        try {
            work.awaitTermination(5, TimeUnit.SECONDS);
            follower.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warning("the event checkpoint could not be closed cleanly: " + e.getMessage());
        }
    }
}
