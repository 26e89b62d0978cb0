package org.gbx.client.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.NetworkConfigLoader;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ExchangeLedger;

/**
 * Ledger load generator for scripts/bench.sh (not a CLI command): the bare-write baseline and the
 * exchange transactions through the same Gateway connection, endorsement and concurrency;
 * each at saturation (closed loop) and then at half that rate (open loop).
 *
 * <p>Usage: {@code java -cp gbx.jar org.gbx.client.bench.LedgerBench CONFIG CONCURRENCY SECONDS
 * HALF_SECONDS WORKLOAD...} with workloads {@code bare-write}, {@code create-request},
 * {@code record-access}. The network's pid files ({@code pids/} beside CONFIG) give each
 * saturated run's CPU per committed transaction by kind of process.
 */
public final class LedgerBench {

    /**
     * Untimed load before each workload: the chaincode servers of a network just started (as
     * after the demo) spent 3x the CPU per transaction of warm ones while their JIT compiled.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    private LedgerBench() {
    }

    public static void main(String[] args) throws Exception {
        NetworkConfig config = NetworkConfigLoader.read(Path.of(args[0]));
        int concurrency = Integer.parseInt(args[1]);
        Duration run = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration halfRun = Duration.ofSeconds(Long.parseLong(args[3]));
        String runId = Long.toString(System.currentTimeMillis(), 36);
        try (LedgerConnection macau = LedgerConnection.openForThroughput(config, "macau", "liaison1");
                // BenchWrite is for admins only: officers cannot write outside the exchange's rules.
                LedgerConnection macauAdmin = LedgerConnection.openForThroughput(config, "macau", "admin");
                LedgerConnection zhuhaiApprover = LedgerConnection.openForThroughput(config, "zhuhai", "approver1");
                LedgerConnection zhuhai = LedgerConnection.openForThroughput(config, "zhuhai", "liaison1")) {
            SigningCost.report(macau.identity().throughputSigner());
            String macauMsp = macau.identity().organisation().mspId();
            String zhuhaiMsp = zhuhai.identity().organisation().mspId();
            ExchangeLedger requester = ExchangeLedger.over(macau);
            List<Workload> workloads = new ArrayList<>();
            for (int i = 4; i < args.length; i++) {
                workloads.add(switch (args[i]) {
                    case "bare-write" -> new BareWriteWorkload(ExchangeLedger.over(macauAdmin), runId,
                            List.of(macauMsp, zhuhaiMsp));
                    case "create-request" -> new CreateRequestWorkload(requester, runId, zhuhaiMsp);
                    case "record-access" -> new RecordAccessWorkload(requester, ExchangeLedger.over(zhuhaiApprover),
                            ExchangeLedger.over(zhuhai), runId, zhuhaiMsp);
                    default -> throw new IllegalArgumentException("unknown workload " + args[i]);
                });
            }
            Path pids = Path.of(args[0]).toAbsolutePath().getParent().resolve("pids");
            for (Workload workload : workloads) {
                measure(workload, concurrency, run, halfRun, pids);
            }
        }
    }

    private static void measure(Workload workload, int concurrency, Duration run, Duration halfRun, Path pids)
            throws InterruptedException {
        System.out.println("bench: " + workload.name() + ": preparing");
        try {
            workload.prepare(concurrency * 2);
        } catch (RuntimeException e) {
            // One workload's setup failing (e.g. a peer restarting) must not lose the others' figures.
            System.out.println("FAILURE workload=" + workload.name() + " first=" + e.getMessage());
            return;
        }
        LoadRunner runner = new LoadRunner();
        runner.closedLoop(workload, concurrency, WARM_UP);
        NodeCpu before = NodeCpu.sample(pids);
        LoadResult saturated = runner.closedLoop(workload, concurrency, run);
        System.out.println(saturated.line());
        System.out.println(NodeCpu.sample(pids).linePerTransaction(before, workload.name(), saturated.committed()));
        if (saturated.tps() > 0) {
            System.out.println(runner.openLoop(workload, saturated.tps() / 2, concurrency * 2, halfRun).line());
        }
        if (runner.firstFailure() != null) {
            System.out.println("FAILURE workload=" + workload.name() + " first=" + runner.firstFailure());
        }
    }
}
