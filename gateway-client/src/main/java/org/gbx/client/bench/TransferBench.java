package org.gbx.client.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.NetworkConfigLoader;
import org.gbx.client.delivery.DeliveryPackage;
import org.gbx.client.delivery.ExpectedDelivery;
import org.gbx.client.delivery.IncomingPackage;
import org.gbx.client.delivery.Manifest;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.NodeTls;
import org.gbx.client.transfer.PackageFetcher;
import org.gbx.client.transfer.DetailsKeyInbox;
import org.gbx.client.transfer.PackageServer;
import org.gbx.client.transfer.TransferListener;

/**
 * One package from Zhuhai's node transfer server to Macau's node fetcher over mutual TLS with the
 * nodes' own certificates, verified on arrival exactly as a receiving node does (leaf by leaf,
 * clip hash and root). A first, untimed transfer warms the JVM. Run it in a JVM with the node's heap limit: it prints the goodput
 * and the peak heap the two ends used together. Usage: {@code TransferBench CONFIG PACKAGE_FOLDER SPOOL}.
 */
public final class TransferBench {

    private TransferBench() {
    }

    public static void main(String[] args) throws Exception {
        NetworkConfig config = NetworkConfigLoader.read(Path.of(args[0]));
        DeliveryPackage outgoing = DeliveryPackage.open(Path.of(args[1]));
        Manifest manifest = outgoing.manifest();
        ChannelTrust trust = ChannelTrust.of(config);
        ExpectedDelivery expected = new ExpectedDelivery(manifest.requestId(), manifest.senderOrg(),
                manifest.requesterOrg(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(outgoing.manifestBytes())), manifest.merkleRoot(),
                manifest.recordCount(), manifest.sizeBytes(), manifest.categories());
        int port = freePort();
        double seconds;
        try (PackageServer server = PackageServer.start("127.0.0.1", port, nodeTls(config, "zhuhai"), trust,
                (requestId, client) -> outgoing, DetailsKeyInbox.NONE)) {
            // A node is a long-running process: the first transfer pays for compiling the transfer
            // path (in a fresh JVM the JIT compilers took more CPU than the transfer itself).
            transfer(config, trust, expected, port, Path.of(args[2]).resolve("warm-up"));
            seconds = transfer(config, trust, expected, port, Path.of(args[2]));
        }
        System.out.printf(Locale.ROOT, "TRANSFER seconds=%.2f mib_per_s=%.1f peak_heap_mib=%d max_heap_mib=%d%n",
                seconds, manifest.sizeBytes() / 1048576.0 / seconds, peakHeapBytes() / 1048576,
                Runtime.getRuntime().maxMemory() / 1048576);
    }

    /** Fetches and verifies the package once into {@code spool}, then deletes it; returns the seconds taken. */
    private static double transfer(NetworkConfig config, ChannelTrust trust, ExpectedDelivery expected, int port,
            Path spool) {
        IncomingPackage incoming = IncomingPackage.open(spool, expected, trust.enrolmentCas(expected.senderOrg()));
        long start = System.nanoTime();
        new PackageFetcher(nodeTls(config, "macau"), trust, Duration.ofMinutes(10), 1, Duration.ofSeconds(1))
                .fetch("127.0.0.1:" + port, expected.senderOrg(), expected.requestId(), incoming, TransferListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        incoming.discard();
        return seconds;
    }

    /** The certificate {@code gbx node start} uses by default (docs/exchange.md). */
    private static NodeTls nodeTls(NetworkConfig config, String orgKey) {
        Path tls = config.requireOrganisation(orgKey).usersPath().getParent().resolve("exchange-node").resolve("tls");
        return new NodeTls(tls.resolve("server.crt"), tls.resolve("server.key"));
    }

    /** Sum of the heap pools' peaks: an upper bound, since pools peak at different moments. */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
