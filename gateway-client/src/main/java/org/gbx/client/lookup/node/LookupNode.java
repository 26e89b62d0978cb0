package org.gbx.client.lookup.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.EventFollower;
import org.gbx.client.ledger.LedgerEvent;
import org.gbx.client.ledger.LookupLedger;
import org.gbx.client.lookup.HeldIdentifier;
import org.gbx.client.lookup.HeldIdentifiers;
import org.gbx.client.lookup.HolderKeys;
import org.gbx.client.lookup.LookupFolders;
import org.gbx.client.lookup.LookupSet;
import org.gbx.client.lookup.ReceivedSets;
import org.gbx.client.lookup.SetPreparation;
import org.gbx.client.lookup.oprf.OprfMode;
import org.gbx.client.lookup.oprf.OprfServer;
import org.gbx.client.model.LookupKey;
import org.gbx.client.model.NewLookupKey;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.transfer.ChannelTrust;

/**
 * A force's lookup duties, run beside its exchange node (docs/lookup.md). As a holder: keeps an
 * OPRF key per epoch (rotated when it has served {@code keyLifetime}), prepares the set of every
 * identifier in the force's own records, publishes key and set digest on the ledger, serves the
 * set and evaluates lookups the ledger recorded. As an asker: fetches every other force's current
 * set when it publishes one, verified against the ledger's digest. Nothing it logs names an
 * identifier.
 */
public final class LookupNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LookupNode.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_DEADLINE = Duration.ofMinutes(2);

    private final String mspId;
    private final NetworkConfig config;
    private final LookupLedger ledger;
    private final RecordsDatabase database;
    private final HolderKeys keys;
    private final ReceivedSets received;
    private final Path ownSets;
    private final LookupSettings settings;
    private final ChannelTrust trust;
    private final LookupDirectory directory;
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor();
    private final EventFollower follower;
    private final Thread eventThread;
    private LookupServer server;
    private String fingerprint = "";

    private LookupNode(LedgerConnection connection, RecordsDatabase database, LookupSettings settings)
            throws IOException {
        this.mspId = connection.identity().organisation().mspId();
        this.config = connection.config();
        this.ledger = LookupLedger.over(connection);
        this.database = database;
        this.keys = new HolderKeys(LookupFolders.keys(database.home()), random);
        this.received = new ReceivedSets(LookupFolders.sets(database.home()));
        this.ownSets = database.home().root().resolve("lookup").resolve("own");
        this.settings = settings;
        this.trust = ChannelTrust.of(config);
        this.directory = new LookupDirectory(config, settings.peerServices());
        Path checkpoint = database.home().eventCheckpoint().resolveSibling("lookup-events.checkpoint");
        this.follower = EventFollower.open(connection, checkpoint, OptionalLong.empty());
        this.eventThread = new Thread(this::followEvents, "gbx-lookup-events");
    }

    /** Prepares and publishes this force's set, starts serving, then fetches the other forces' sets. */
    public static LookupNode start(LedgerConnection connection, RecordsDatabase database, LookupSettings settings)
            throws IOException {
        LookupNode node = new LookupNode(connection, database, settings);
        node.refresh();
        node.server = LookupServer.start(settings.port(), settings.tls(), node.trust,
                new Evaluator(node.mspId, node.ledger, node.keys, node.random), node::ownSetFile);
        LOG.info(() -> "lookup service of " + node.mspId + " on 127.0.0.1:" + node.server.port());
        long every = settings.refreshInterval().toMillis();
        node.work.scheduleWithFixedDelay(node::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
        for (Organisation organisation : node.config.organisations()) {
            if (!organisation.mspId().equals(node.mspId) && organisation.exchangeNode() != null) {
                node.fetchLater(organisation.mspId(), 0, 0);
            }
        }
        node.eventThread.start();
        return node;
    }

    public int port() {
        return server.port();
    }

    /**
     * Rotates the key if it is due (or this node has none that the ledger shows), re-prepares the
     * set when the records changed, and publishes what the ledger does not show yet.
     */
    private synchronized void refresh() {
        Optional<LookupKey> published = currentKeyOnLedger(mspId);
        Optional<HolderKeys.EpochKey> local = keys.current();
        boolean rotate = local.isEmpty() || published.isEmpty()
                || local.get().epoch() != published.get().epoch()
                || !HexFormat.of().formatHex(local.get().key().publicKeyBytes()).equals(published.get().publicKey())
                || !published.get().publishedAt().plus(settings.keyLifetime()).isAfter(Instant.now());
        HeldIdentifiers.Reading reading = new HeldIdentifiers(database).read();
        String records = fingerprint(reading);
        if (!rotate && records.equals(fingerprint) && Files.isRegularFile(ownSetFile(local.get().epoch()))) {
            return;
        }
        HolderKeys.EpochKey key = rotate ? keys.create(published.map(LookupKey::epoch).orElse(0) + 1) : local.get();
        long started = System.nanoTime();
        LookupSet set = new SetPreparation(new OprfServer(OprfMode.VOPRF, key.key(), random), ForkJoinPool.commonPool())
                .prepare(key.epoch(), reading.identifiers());
        long millis = (System.nanoTime() - started) / 1_000_000;
        String digest = writeOwnSet(set);
        NewLookupKey publication = new NewLookupKey(key.epoch(), HexFormat.of().formatHex(key.key().publicKeyBytes()),
                digest, set.size());
        if (published.isEmpty() || published.get().epoch() != key.epoch() || !published.get().setDigest().equals(digest)) {
            ledger.publishKey(publication, config.organisations().stream()
                    .filter(o -> !o.mspId().equals(mspId) && o.exchangeNode() != null).map(Organisation::mspId)
                    .findFirst().orElseThrow(() -> new IllegalStateException("the network config names no other force")));
        }
        fingerprint = records;
        LOG.info(() -> "lookup set of epoch " + key.epoch() + ": " + set.size() + " identifiers ("
                + reading.skipped() + " values skipped as malformed), prepared in " + millis + " ms, "
                + set.byteSize() + " bytes" + (rotate ? "; new key published" : "; set refreshed"));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warning("could not refresh the lookup set (" + e.getMessage() + "); trying again later");
        }
    }

    private Optional<LookupKey> currentKeyOnLedger(String org) {
        try {
            return Optional.of(ledger.currentKey(org));
        } catch (ChaincodeRefusalException e) {
            if ("LOOKUP_KEY_UNKNOWN".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Path ownSetFile(int epoch) {
        return ownSets.resolve(String.format("epoch-%06d.set", epoch));
    }

    private String writeOwnSet(LookupSet set) {
        try {
            Files.createDirectories(ownSets);
            Path temporary = Files.createTempFile(ownSets, "new-", ".set");
            String digest;
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                digest = set.write(out);
            }
            Path target = ownSetFile(set.epoch());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (var old = Files.list(ownSets)) {
                for (Path file : old.filter(f -> !f.equals(target)).toList()) {
                    Files.delete(file);
                }
            }
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lookup set in " + ownSets, e);
        }
    }

    /** SHA-256 over the identifiers and their reference data: changes exactly when the set would. */
    private static String fingerprint(HeldIdentifiers.Reading reading) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (HeldIdentifier held : reading.identifiers()) {
                sha256.update(held.identifier().prfInput());
                sha256.update(held.reference().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void followEvents() {
        follower.followUntilStopped(this::onEvent, settings.retryPause());
    }

    private void onEvent(LedgerEvent event) throws IOException {
        if (event.name().equals("LookupKeyPublished")) {
            String org = JSON.readTree(event.payload()).path("org").asText();
            if (!org.equals(mspId)) {
                fetchLater(org, 0, 0);
            }
        }
    }

    /** Fetches a holder's current set unless this force has it; retried after a pause, a few times. */
    private void fetchLater(String holder, long delayMillis, int attempt) {
        work.schedule(() -> {
            try {
                fetch(holder);
            } catch (IOException | RuntimeException e) {
                if (attempt < 10) {
                    LOG.warning("could not fetch the lookup set of " + holder + " (" + e.getMessage()
                            + "); trying again in " + settings.retryPause().toSeconds() + " s");
                    fetchLater(holder, settings.retryPause().toMillis(), attempt + 1);
                } else {
                    LOG.severe("could not fetch the lookup set of " + holder + ": " + e.getMessage());
                }
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void fetch(String holder) throws IOException {
        Optional<LookupKey> key = currentKeyOnLedger(holder);
        if (key.isEmpty()) {
            return;
        }
        if (received.holds(holder, key.get().epoch(), key.get().setDigest())) {
            LOG.info(() -> "already holds the lookup set of " + holder + ", epoch " + key.get().epoch()
                    + ", matching the ledger's digest");
            return;
        }
        try (LookupClient client = LookupClient.connect(directory.endpoint(holder), holder, settings.tls(), trust,
                CALL_DEADLINE); InputStream set = client.fetchSet(key.get().epoch())) {
            received.store(holder, key.get().epoch(), key.get().setDigest(), set);
        }
        LOG.info(() -> "received the lookup set of " + holder + ", epoch " + key.get().epoch() + ", "
                + key.get().setSize() + " entries, matching the ledger's digest");
    }

    @Override
    public void close() {
        follower.stop();
        eventThread.interrupt();
        work.shutdownNow();
        if (server != null) {
            server.close();
        }
        try {
            follower.close();
        } catch (IOException e) {
            LOG.warning("the lookup event checkpoint could not be closed cleanly: " + e.getMessage());
        }
    }
}
