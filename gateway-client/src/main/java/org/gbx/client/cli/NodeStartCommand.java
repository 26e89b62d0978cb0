package org.gbx.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import org.gbx.client.config.Organisation;
import org.gbx.client.delivery.PackageBuilder;
import org.gbx.client.lookup.node.LookupNode;
import org.gbx.client.lookup.node.LookupSettings;
import org.gbx.client.node.ExchangeNode;
import org.gbx.client.node.NodeDirectory;
import org.gbx.client.node.NodeListener;
import org.gbx.client.node.NodeSettings;
import org.gbx.client.records.DataFolderLock;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.transfer.NodeTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gbx node start}: runs the force's exchange node until stopped (SIGTERM / Ctrl-C). It
 * acts as the given user, who must be a liaison officer (deliveries and receipts are theirs to
 * record) and whose enrolment key signs the manifests. Beside it runs the force's lookup service
 * (docs/lookup.md), on the next port.
 */
@Command(name = "start")
final class NodeStartCommand extends LedgerCommand {

    static {
        // One line per log record, time first; the node's log names requests and hashes, never persons.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT%1$tz %4$s %5$s%6$s%n");
    }

    private static final java.util.Set<String> SOURCE_RELIABILITIES = java.util.Set.of("A", "B", "C", "X");
    private static final java.util.regex.Pattern ENDPOINT = java.util.regex.Pattern.compile("[A-Za-z0-9.-]+:[0-9]{1,5}");
    /** A host name, an IPv4 address or an IPv6 address, without a port. */
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile(
            "[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    @Mixin
    RecordsOptions records;

    @Option(names = "--tls-cert", paramLabel = "FILE", descriptionKey = "option.tlsCert")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", descriptionKey = "option.tlsKey")
    Path tlsKey;

    @Option(names = "--listen", paramLabel = "ADDRESS", descriptionKey = "option.nodeListen")
    String listen;

    @Option(names = "--port", paramLabel = "PORT", descriptionKey = "option.nodePort")
    Integer port;

    @Option(names = "--api-port", paramLabel = "PORT", descriptionKey = "option.apiPort")
    Integer apiPort;

    @Option(names = "--peer-node", paramLabel = "MSP=HOST:PORT", descriptionKey = "option.peerNode")
    Map<String, String> peerNodes = new LinkedHashMap<>();

    @Option(names = "--from-block", paramLabel = "BLOCK", descriptionKey = "option.nodeFromBlock")
    Long fromBlock;

    @Option(names = "--source-reliability", paramLabel = "A|B|C|X", descriptionKey = "option.sourceReliability")
    String sourceReliability = "B";

    @Option(names = "--information-accuracy", paramLabel = "1-4", descriptionKey = "option.informationAccuracy")
    int informationAccuracy = 2;

    @Option(names = "--retry-pause", paramLabel = "SECONDS", descriptionKey = "option.retryPause")
    int retryPauseSeconds = 15;

    @Option(names = "--lookup-port", paramLabel = "PORT", descriptionKey = "option.lookupPort")
    Integer lookupPort;

    @Option(names = "--lookup-key-days", paramLabel = "DAYS", descriptionKey = "option.lookupKeyDays")
    int lookupKeyDays = (int) LookupSettings.DEFAULT_KEY_LIFETIME.toDays();

    @Option(names = "--lookup-refresh-minutes", paramLabel = "MINUTES", descriptionKey = "option.lookupRefreshMinutes")
    int lookupRefreshMinutes = (int) LookupSettings.DEFAULT_REFRESH.toMinutes();

    @Override
    void execute(CliSession session) {
        checkOptions();
        Gbx gbx = (Gbx) spec.root().userObject();
        Organisation organisation = session.config().requireOrganisation(session.orgKey());
        // The config's exchangeNode.tlsDir; older configs: the folder network.sh enrols it into.
        Path tlsFolder = organisation.exchangeNode() != null ? organisation.exchangeNode().tlsDir()
                : organisation.usersPath().toAbsolutePath().getParent().resolve("exchange-node").resolve("tls");
        NodeTls tls = new NodeTls(existing(tlsCert, tlsFolder.resolve("server.crt")),
                existing(tlsKey, tlsFolder.resolve("server.key")));
        String address = listen != null ? listen
                : organisation.exchangeNode() != null ? organisation.exchangeNode().listenAddress() : "127.0.0.1";
        String api = NodeDirectory.apiEndpoint(organisation);
        NodeSettings settings = new NodeSettings(address, port != null ? port : NodeDirectory.port(organisation),
                api.substring(0, api.lastIndexOf(':')),
                apiPort != null ? apiPort : Integer.parseInt(api.substring(api.lastIndexOf(':') + 1)), tls, peerNodes,
                sourceReliability, informationAccuracy, PackageBuilder.DEFAULT_CHUNK_SIZE, Duration.ofMinutes(30), 20,
                Duration.ofSeconds(retryPauseSeconds), 20,
                fromBlock == null ? OptionalLong.empty() : OptionalLong.of(fromBlock));
        CountDownLatch stopped = new CountDownLatch(1);
        DataFolderLock lock = DataFolderLock.acquire(records.home(session, gbx), ExchangeNode.HOLDER);
        RecordsDatabase database = openDatabase(session, gbx, lock);
        try (ExchangeNode node = ExchangeNode.start(session.connection(), lock, database, settings, NodeListener.NONE)) {
            session.output().line(session.messages().get("done.nodeStarted",
                    session.organisations().displayName(organisation.mspId()), address + ":" + node.port(),
                    settings.apiHost() + ":" + node.apiPort()));
            LookupNode lookups = startLookups(session, database, lookupSettings(tls, settings, node.port()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (lookups != null) {
                    lookups.close();
                }
                node.close();
                stopped.countDown();
            }, "gbx-node-shutdown"));
            stopped.await();
        } catch (IOException e) {
            // in practice a port another process holds; the message names it
            throw new InvalidInputException("input.nodeCannotStart", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RecordsDatabase openDatabase(CliSession session, Gbx gbx, DataFolderLock lock) {
        try {
            return records.open(session, gbx);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The node's own options, before it connects or opens its database. */
    private void checkOptions() {
        if (listen != null && !ADDRESS.matcher(listen).matches()) {
            throw new InvalidInputException("input.listenAddress", listen);
        }
        // 0 asks the system for a free port (tests, and a node whose port plan does not fit the host)
        if (port != null) {
            LocalChecks.range("--port", port, 0, 65535);
        }
        if (apiPort != null) {
            LocalChecks.range("--api-port", apiPort, 0, 65535);
        }
        if (!SOURCE_RELIABILITIES.contains(sourceReliability)) {
            throw new InvalidInputException("input.sourceReliability", sourceReliability);
        }
        LocalChecks.range("--information-accuracy", informationAccuracy, 1, 4);
        LocalChecks.range("--retry-pause", retryPauseSeconds, 0, 3600);
        if (lookupPort != null) {
            LocalChecks.range("--lookup-port", lookupPort, 0, 65535);
        }
        LocalChecks.range("--lookup-key-days", lookupKeyDays, 1, 3650);
        LocalChecks.range("--lookup-refresh-minutes", lookupRefreshMinutes, 1, 24 * 60);
        if (fromBlock != null) {
            LocalChecks.range("--from-block", fromBlock, 0, Long.MAX_VALUE);
        }
        peerNodes.forEach((msp, endpoint) -> {
            if (!ENDPOINT.matcher(endpoint).matches()) {
                throw new InvalidInputException("input.peerNode", msp + "=" + endpoint);
            }
        });
    }

    /**
     * The lookup service, or null when it cannot start (its port taken, the ledger refusing its key):
     * the exchange node's deliveries must not stop for it, so it is said and the node runs on.
     */
    private static LookupNode startLookups(CliSession session, RecordsDatabase database, LookupSettings settings) {
        try {
            LookupNode lookups = LookupNode.start(session.connection(), database, settings);
            session.output().line(session.messages().get("done.lookupStarted",
                    session.organisations().displayName(session.ownMspId()), settings.listenAddress() + ":" + lookups.port()));
            return lookups;
        } catch (IOException | RuntimeException e) {
            session.output().line(session.messages().get("error.lookupNotStarted", String.valueOf(settings.port()),
                    e.getMessage()).replace("%n", System.lineSeparator()));
            return null;
        }
    }

    /**
     * The lookup service listens beside the exchange node (the port it serves on + 1, also when it
     * was given port 0), and finds the other forces' likewise.
     */
    private LookupSettings lookupSettings(NodeTls tls, NodeSettings node, int nodePort) {
        Map<String, String> peers = new LinkedHashMap<>();
        node.peerNodes().forEach((msp, endpoint) -> {
            int colon = endpoint.lastIndexOf(':');
            peers.put(msp, endpoint.substring(0, colon + 1) + (Integer.parseInt(endpoint.substring(colon + 1)) + 1));
        });
        return new LookupSettings(node.listenAddress(), lookupPort != null ? lookupPort : nodePort + 1, tls, peers,
                Duration.ofDays(lookupKeyDays),
                Duration.ofMinutes(lookupRefreshMinutes), Duration.ofSeconds(retryPauseSeconds));
    }

    private static Path existing(Path given, Path fallback) {
        Path path = given != null ? given : fallback;
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("input.nodeTlsMissing", path);
        }
        return path;
    }
}
