package org.gbx.client.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.gbx.client.audit.chain.PeerBlockSource;
import org.gbx.client.config.NetworkConfigLoader;
import org.gbx.client.connection.LedgerConnection;

/**
 * The audit's baseline: fetch every block from the committee's peer exactly as
 * {@code gbx audit verify-ledger} does ({@link PeerBlockSource}), and nothing else. Prints
 * {@code FETCH seconds=... blocks=...}. Usage: {@code BlockFetchBench CONFIG BLOCKS}.
 */
public final class BlockFetchBench {

    private BlockFetchBench() {
    }

    public static void main(String[] args) throws Exception {
        long blocks = Long.parseLong(args[1]);
        long start = System.nanoTime();
        long bytes = 0;
        try (LedgerConnection auditor = LedgerConnection.open(NetworkConfigLoader.read(Path.of(args[0])), "oversight",
                "auditor1");
                PeerBlockSource source = new PeerBlockSource(auditor.network(), "committee peer",
                        Duration.ofSeconds(30))) {
            for (long number = 0; number < blocks; number++) {
                bytes += source.block(number).length;
            }
        }
        System.out.printf(Locale.ROOT, "FETCH seconds=%.2f blocks=%d mib=%.1f%n", (System.nanoTime() - start) / 1e9,
                blocks, bytes / 1048576.0);
    }
}
