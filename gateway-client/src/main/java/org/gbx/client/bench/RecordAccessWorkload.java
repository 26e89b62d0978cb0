package org.gbx.client.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.DeliveryManifest;
import org.gbx.client.model.GrantTerms;
import org.gbx.client.model.Status;

/**
 * {@code RecordAccess} through {@link ExchangeLedger} (which reads the request first, as the CLI
 * does). Accesses to one request conflict with each other, so each in-flight transaction borrows
 * a request of its own from a pool prepared up to {@code RECEIVED}.
 */
final class RecordAccessWorkload implements Workload {

    private static final String FAKE_HASH = "ab".repeat(32);

    private final ExchangeLedger requester;
    private final ExchangeLedger approver;
    private final ExchangeLedger sender;
    private final String runId;
    private final String targetMspId;
    private BlockingQueue<String> pool;

    RecordAccessWorkload(ExchangeLedger requester, ExchangeLedger approver, ExchangeLedger sender, String runId,
            String targetMspId) {
        this.requester = requester;
        this.approver = approver;
        this.sender = sender;
        this.runId = runId;
        this.targetMspId = targetMspId;
    }

    @Override
    public String name() {
        return "record-access";
    }

    @Override
    public void prepare(int slots) throws InterruptedException {
        pool = new ArrayBlockingQueue<>(slots);
        ExecutorService setup = Executors.newFixedThreadPool(Math.min(slots, 32));
        try {
            List<Future<String>> ready = new ArrayList<>();
            for (int i = 0; i < slots; i++) {
                String id = BenchRequests.id(runId, "a", i);
                ready.add(setup.submit(() -> receive(id)));
            }
            for (Future<String> f : ready) {
                pool.add(f.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("preparing requests for the access benchmark failed", e.getCause());
        } finally {
            setup.shutdownNow();
        }
    }

    /** Create, approve (1000 accesses), record a delivery and its matching receipt: RECEIVED. */
    private String receive(String id) throws InterruptedException {
        Instant now = Instant.now();
        requester.createRequest(id, BenchRequests.to(targetMspId), BenchRequests.sealedDetails(id));
        awaitStatus(approver, id, Status.PENDING);
        approver.approveRequest(id, new GrantTerms(List.of(DataCategory.IDENTITY), now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)), 1000, "Benchmark only"));
        awaitStatus(requester, id, Status.APPROVED); // both forces' peers endorse the delivery
        sender.recordDelivery(id, new DeliveryManifest(FAKE_HASH, HexFormat.of().formatHex(new byte[32]), 1, 1, "A",
                1, List.of(DataCategory.IDENTITY)));
        awaitStatus(requester, id, Status.DELIVERED);
        requester.recordReceipt(id, FAKE_HASH);
        return id;
    }

    /** Each force reads its own peer, which may commit a block a moment after the submitter's peer. */
    private static void awaitStatus(ExchangeLedger ledger, String id, Status status) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                if (ledger.getRequest(id).status() == status) {
                    return;
                }
            } catch (ChaincodeRefusalException e) {
                // not on this peer yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("request " + id + " not " + status + " on every peer within 10 s");
    }

    @Override
    public void runOne(long sequence) throws InterruptedException {
        String id = pool.take();
        try {
            requester.recordAccess(id, "Benchmark access");
        } finally {
            pool.add(id);
        }
    }
}
