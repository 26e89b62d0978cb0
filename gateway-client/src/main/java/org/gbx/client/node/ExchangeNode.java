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
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.delivery.ManifestSigner;
import org.gbx.client.identity.UserIdentity;
import org.gbx.client.keystore.RequestKeyStore;
import org.gbx.client.ledger.EventFollower;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.LedgerEvent;
import org.gbx.client.ledger.LedgerException;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.RequestPage;
import org.gbx.client.model.Status;
import org.gbx.client.nodeapi.NodeApiServer;
import org.gbx.client.records.DataFolderInUseException;
import org.gbx.client.records.DataFolderLock;
import org.gbx.client.records.ReceivedStore;
import org.gbx.client.records.RecordSelector;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsException;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.DetailsKeySender;
import org.gbx.client.transfer.PackageFetcher;
import org.gbx.client.transfer.PackageServer;
import org.gbx.client.transfer.TransferFailedException;

/**
 * One force's long-lived exchange node, and its one keeper of the force's exchange data and keys:
 * the received data, the case-details keys of live requests (docs/ledger.md, "Destruction"), and
 * the local API its own officers' gbx uses for them (docs/exchange.md). Ledger events are its
 * triggers and the ledger's state is its truth: on start it catches up from the ledger (grants
 * not yet delivered, deliveries not yet received, every key held matched again), then follows
 * events from a durable checkpoint. Work runs off the event thread, so a long transfer never
 * holds up the checkpoint; work that fails for a passing reason (ledger or other node unreachable,
 * a key not arrived yet) is retried after a pause, a bounded number of times. One node at a time
 * runs on a data folder ({@link DataFolderLock}).
 */
public final class ExchangeNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExchangeNode.class.getName());
    /** How a node names itself in its data folder's lock. */
    public static final String HOLDER = "exchange node";
    /** How often keys of requests that never reached the ledger are looked for (and erased after a while). */
    private static final Duration KEY_SWEEP = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mspId;
    private final ExchangeLedger ledger;
    private final Deliverer deliverer;
    private final Receiver receiver;
    private final PackageServer server;
    private final NodeApiServer api;
    private final DetailsKeys keys;
    private final ReceivedStore received;
    private final DataFolderLock lock;
    private final EventFollower follower;
    private final NodeSettings settings;
    private final NodeListener listener;
    private final ScheduledExecutorService work = Executors.newScheduledThreadPool(2);
    private final Set<String> inFlight = new HashSet<>();
    private final Thread eventThread;
    private boolean closed;

    private ExchangeNode(String mspId, ExchangeLedger ledger, Deliverer deliverer, Receiver receiver,
            PackageServer server, NodeApiServer api, DetailsKeys keys, ReceivedStore received, DataFolderLock lock,
            EventFollower follower, NodeSettings settings, NodeListener listener) {
        this.mspId = mspId;
        this.ledger = ledger;
        this.deliverer = deliverer;
        this.receiver = receiver;
        this.server = server;
        this.api = api;
        this.keys = keys;
        this.received = received;
        this.lock = lock;
        this.follower = follower;
        this.settings = settings;
        this.listener = listener;
        this.eventThread = new Thread(this::followEvents, "gbx-node-events");
    }

    /**
     * Takes the data folder, starts serving, catches up from the ledger, and follows events until
     * {@link #close()}.
     *
     * @throws DataFolderInUseException when another node (or a seeding run) holds the data folder
     */
    public static ExchangeNode start(LedgerConnection connection, RecordsDatabase database, NodeSettings settings,
            NodeListener listener) throws IOException {
        return start(connection, DataFolderLock.acquire(database.home(), HOLDER), database, settings, listener);
    }

    /**
     * The same with the data folder already taken ({@link #HOLDER}), as {@code gbx node start} does
     * before it opens the database, so that a second node is refused with the first one's pid
     * rather than by the database's own lock. The lock is released when the node closes.
     */
    public static ExchangeNode start(LedgerConnection connection, DataFolderLock lock, RecordsDatabase database,
            NodeSettings settings, NodeListener listener) throws IOException {
        try {
            return run(connection, database, settings, listener, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static ExchangeNode run(LedgerConnection connection, RecordsDatabase database, NodeSettings settings,
            NodeListener listener, DataFolderLock lock) throws IOException {
        NetworkConfig config = connection.config();
        UserIdentity identity = connection.identity();
        String mspId = identity.organisation().mspId();
        ExchangeLedger ledger = ExchangeLedger.over(connection);
        ChannelTrust trust = ChannelTrust.of(config);
        NodeDirectory directory = new NodeDirectory(config, settings.peerNodes());
        RequestKeyStore keyStore = RequestKeyStore.open(database.home().keys());
        // Keys that arrive before the node is up are matched by its start-up sweep.
        AtomicReference<ExchangeNode> started = new AtomicReference<>();
        DetailsKeys keys = new DetailsKeys(mspId, ledger, keyStore,
                new DetailsKeySender(settings.tls(), trust, Duration.ofSeconds(20)), directory, listener,
                requestId -> {
                    ExchangeNode node = started.get();
                    if (node != null) {
                        node.schedule(requestId, "match keys", () -> node.settleKeys(requestId), 0, 0);
                    }
                });
        ReceivedStore received = new ReceivedStore(database, keyStore);
        Deliverer deliverer = new Deliverer(mspId, ledger, keys, new RecordSelector(database),
                new ManifestSigner(identity.privateKey(), identity.certificate()), database.home(), settings, listener);
        PackageFetcher fetcher = new PackageFetcher(settings.tls(), trust, settings.transferDeadline(),
                settings.transferAttempts(), Duration.ofSeconds(5));
        Receiver receiver = new Receiver(mspId, ledger, keys, received, fetcher, directory, trust, database.home(),
                listener);
        PackageServer server = PackageServer.start(settings.listenAddress(), settings.port(), settings.tls(), trust,
                deliverer, keys);
        NodeApiServer api;
        try {
            api = NodeApiServer.start(settings.apiHost(), settings.apiPort(), settings.tls(), trust.enrolmentCas(mspId),
                    mspId, new OfficerService(mspId, ledger, keys, received));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        EventFollower follower = EventFollower.open(connection, database.home().eventCheckpoint(), settings.startBlock());
        ExchangeNode node = new ExchangeNode(mspId, ledger, deliverer, receiver, server, api, keys, received, lock,
                follower, settings, listener);
        started.set(node);
        LOG.info(() -> "exchange node of " + mspId + " (pid " + ProcessHandle.current().pid() + ") serving packages on "
                + settings.listenAddress() + ":" + server.port() + ", its officers on " + settings.apiHost() + ":"
                + api.port() + "; " + keyStore.entries().size() + " keys of live requests held");
        node.catchUp();
        node.eventThread.start();
        node.work.scheduleWithFixedDelay(node::sweepKeys, KEY_SWEEP.toMinutes(), KEY_SWEEP.toMinutes(),
                TimeUnit.MINUTES);
        return node;
    }

    public int port() {
        return server.port();
    }

    /** What this node holds of what its force received (opened with the keys only it keeps). */
    public ReceivedStore received() {
        return received;
    }

    /** The port of the local API for this force's officers. */
    public int apiPort() {
        return api.port();
    }

    /** Every key held is checked against the ledger again: matched, shared, or erased. */
    private void sweepKeys() {
        for (String requestId : keys.requestsWithKeys()) {
            schedule(requestId, "match keys", () -> settleKeys(requestId), 0, 0);
        }
    }

    /**
     * Matches the request's keys against the ledger; the requester then hands its key to the
     * target (and fetches a delivery already recorded), the target delivers if the grant came
     * before the key.
     */
    private void settleKeys(String requestId) {
        DetailsKeys.Match match = keys.match(requestId);
        if (match == DetailsKeys.Match.NOT_ON_LEDGER_YET) {
            throw new RetryLater("request " + requestId + " is not on this force's peer yet");
        }
        if (match != DetailsKeys.Match.CONFIRMED) {
            return;
        }
        ExchangeRequest request = ledger.getRequest(requestId);
        if (request.status() == Status.DESTROYED) {
            keys.eraseAll(requestId);
        } else if (request.requesterOrg().equals(mspId)) {
            if (request.status() == Status.DELIVERED) {
                schedule(requestId, "receive", () -> receiver.receive(requestId), 0, 0);
            }
            keys.shareWithTarget(requestId);
        } else if (request.status() == Status.APPROVED || request.status() == Status.PARTIALLY_APPROVED) {
            schedule(requestId, "deliver", () -> deliverer.deliver(requestId), 0, 0);
        }
    }

    /** The ledger recorded the destruction: nothing of the request stays on this node. */
    private void destroyed(String requestId, String requesterOrg, String targetOrg) {
        if (targetOrg.equals(mspId)) {
            deliverer.withdraw(requestId);
        }
        if (requesterOrg.equals(mspId) && received.destroy(requestId)) {
            LOG.info(() -> "received data of request " + requestId + " destroyed on the ledger's destruction record");
        }
        keys.eraseAll(requestId);
    }

    /** Work the ledger says is outstanding, whatever events were missed while the node was down. */
    private void catchUp() {
        sweepKeys();
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
            case "RequestCreated" -> {
                if (requesterOrg.equals(mspId) || targetOrg.equals(mspId)) {
                    schedule(requestId, "match keys", () -> settleKeys(requestId), 0, 0);
                }
            }
            case "RequestApproved", "DeliveryRecorded" -> dispatch(requestId, requesterOrg, targetOrg, event.name());
            case "GrantRevoked", "GrantExpired" -> {
                if (targetOrg.equals(mspId)) {
                    deliverer.withdraw(requestId);
                }
            }
            case "DestructionRecorded" -> {
                if (requesterOrg.equals(mspId) || targetOrg.equals(mspId)) {
                    schedule(requestId, "destroy", () -> destroyed(requestId, requesterOrg, targetOrg), 0, 0);
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
            } catch (LedgerException | TransferFailedException | RecordsException | UncheckedIOException
                    | RetryLater e) {
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

    /**
     * Stops following events, finishes nothing half-way that matters (all state is resumable), stops
     * serving and releases the data folder. A second close does nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        follower.stop();
        eventThread.interrupt();
        work.shutdownNow();
        api.close();
        server.close();
        try {
            work.awaitTermination(5, TimeUnit.SECONDS);
            follower.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warning("the event checkpoint could not be closed cleanly: " + e.getMessage());
        } finally {
            lock.close();
        }
    }
}
