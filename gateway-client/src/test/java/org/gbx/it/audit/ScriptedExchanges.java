package org.gbx.it.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.DeliveryManifest;
import org.gbx.client.model.DestructionMethod;
import org.gbx.client.model.GrantTerms;
import org.gbx.client.model.HandlingCode;
import org.gbx.client.model.NewRequest;
import org.gbx.client.model.Status;
import org.gbx.client.model.Urgency;
import org.gbx.it.Await;
import org.gbx.it.TestNetwork;

/**
 * Drives a scripted set of exchanges in both directions through the facade, each following one
 * of five fates: used and destroyed; refused; partly granted with a receipt mismatch, a
 * re-delivery, then revoked and destroyed; revoked before delivery and destroyed; left pending.
 * Requests run in parallel (each one's steps in order), as forces would.
 */
final class ScriptedExchanges {

    /**
     * A force's liaison and approver, and the height of the force's peer: a step waits until the
     * forces' peers hold the block of the previous step, as an officer would see it first.
     */
    record Force(String mspId, ExchangeLedger liaison, ExchangeLedger approver, LongSupplier peerHeight) {
    }

    enum Fate {
        USED_AND_DESTROYED(Status.DESTROYED),
        REJECTED(Status.REJECTED),
        MISMATCH_REDELIVERED_REVOKED_DESTROYED(Status.DESTROYED),
        REVOKED_BEFORE_DELIVERY_DESTROYED(Status.DESTROYED),
        LEFT_PENDING(Status.PENDING);

        final Status finalStatus;

        Fate(Status finalStatus) {
            this.finalStatus = finalStatus;
        }
    }

    private final Force macau;
    private final Force zhuhai;
    private final AtomicLong lastBlock = new AtomicLong();
    /** The block of the previous step of the request this thread is playing. */
    private final ThreadLocal<Long> requestBlock = ThreadLocal.withInitial(() -> -1L);

    ScriptedExchanges(Force macau, Force zhuhai) {
        this.macau = macau;
        this.zhuhai = zhuhai;
    }

    /** Runs {@code count} exchanges with ids {@code prefix-n}; returns each id's fate. */
    Map<String, Fate> run(String prefix, int count) throws Exception {
        Map<String, Fate> fates = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int n = 0; n < count; n++) {
                String id = prefix + "-" + n;
                Fate fate = Fate.values()[n % Fate.values().length];
                boolean macauAsks = n % 2 == 0;
                fates.put(id, fate);
                running.add(pool.submit(() -> {
                    play(id, fate, macauAsks ? macau : zhuhai, macauAsks ? zhuhai : macau);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return fates;
    }

    /** The highest block any scripted transaction was committed in. */
    long lastBlock() {
        return lastBlock.get();
    }

    /** One exchange Macau asked for, granted, delivered and received: its data may now be accessed. */
    void receivedByMacau(String id) {
        requestBlock.set(-1L);
        create(id, macau, zhuhai);
        grant(id, zhuhai, List.of(DataCategory.IDENTITY));
        step(() -> zhuhai.liaison().recordDelivery(id, delivery(hash('a'), List.of(DataCategory.IDENTITY))));
        step(() -> macau.liaison().recordReceipt(id, hash('a')));
    }

    private void play(String id, Fate fate, Force requester, Force target) {
        requestBlock.set(-1L);
        create(id, requester, target);
        switch (fate) {
            case LEFT_PENDING -> { }
            case REJECTED -> step(() -> target.approver().rejectRequest(id, "Outside the scope of the agreement"));
            case REVOKED_BEFORE_DELIVERY_DESTROYED -> {
                grant(id, target, List.of(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS));
                step(() -> target.approver().revokeGrant(id, "Case closed before delivery"));
                step(() -> requester.liaison().recordDestruction(id, DestructionMethod.SECURE_ERASE));
            }
            case USED_AND_DESTROYED -> {
                grant(id, target, List.of(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS));
                step(() -> target.liaison().recordDelivery(id, delivery(hash('a'), List.of(DataCategory.IDENTITY))));
                step(() -> requester.liaison().recordReceipt(id, hash('a')));
                step(() -> requester.liaison().recordAccess(id, "Cross-check with border log"));
                step(() -> requester.liaison().recordAccess(id, "Confirm identity for the case file"));
                step(() -> requester.liaison().recordDestruction(id, DestructionMethod.CRYPTO_ERASE));
            }
            case MISMATCH_REDELIVERED_REVOKED_DESTROYED -> {
                grant(id, target, List.of(DataCategory.IDENTITY));
                step(() -> target.liaison().recordDelivery(id, delivery(hash('b'), List.of(DataCategory.IDENTITY))));
                step(() -> requester.liaison().recordReceipt(id, hash('c')));
                step(() -> target.liaison().recordDelivery(id, delivery(hash('d'), List.of(DataCategory.IDENTITY))));
                step(() -> requester.liaison().recordReceipt(id, hash('d')));
                step(() -> requester.liaison().recordAccess(id, "Check the re-delivered record"));
                step(() -> target.approver().revokeGrant(id, "Provider withdrew consent"));
                step(() -> requester.liaison().recordDestruction(id, DestructionMethod.SECURE_ERASE));
            }
        }
    }

    private void create(String id, Force requester, Force target) {
        step(() -> requester.liaison().createRequest(id, new NewRequest(target.mspId(),
                "Scripted audit exchange: identify a travel permit holder", "Liaison agreement art. 3",
                HandlingCode.H1, null, List.of(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS), Urgency.NORMAL,
                30), TestNetwork.sealedForNoOne(id, CaseDetails.of("{\"case\":\"scripted audit case\"}"))));
    }

    private void grant(String id, Force target, List<DataCategory> categories) {
        Instant now = Instant.now();
        step(() -> target.approver().approveRequest(id, new GrantTerms(categories, now.plus(Duration.ofDays(7)),
                now.plus(Duration.ofDays(20)), 3, "H1 applies")));
    }

    private static DeliveryManifest delivery(String hash, List<DataCategory> categories) {
        return new DeliveryManifest(hash, hash('e'), 3, 2048, "B", 2, categories);
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    /**
     * Runs one step once both forces' peers hold every block of this request so far: the actor's
     * peer reads the request, and a peer of each force endorses the change.
     */
    private void step(Supplier<Submitted<?>> action) {
        long needed = requestBlock.get() + 1;
        Await.until("block height " + needed + " on both forces' peers",
                () -> macau.peerHeight().getAsLong() >= needed && zhuhai.peerHeight().getAsLong() >= needed);
        Submitted<?> submitted = whileNotSuspended(action);
        requestBlock.set(submitted.receipt().blockNumber());
        lastBlock.accumulateAndGet(submitted.receipt().blockNumber(), Math::max);
    }

    /** Other tests on the shared network briefly suspend a force; a step waits that out. */
    private static Submitted<?> whileNotSuspended(Supplier<Submitted<?>> action) {
        return Await.until("the step to pass while another test suspends a force", () -> {
            try {
                return Optional.of(action.get());
            } catch (ChaincodeRefusalException e) {
                if (!e.code().equals("ORG_SUSPENDED")) {
                    throw e;
                }
                return Optional.empty();
            }
        });
    }
}
