package org.gbx.it.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * Drives a scripted set of exchanges in both directions through the facade, each following one
 * of five fates: used and destroyed; refused; partly granted with a receipt mismatch, a
 * re-delivery, then revoked and destroyed; revoked before delivery and destroyed; left pending.
 * Requests run in parallel (each one's steps in order), as forces would.
 */
final class ScriptedExchanges {

    /** The four users of the two forces a request involves. */
    record Force(String mspId, ExchangeLedger liaison, ExchangeLedger approver) {
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
        create(id, macau, zhuhai);
        grant(id, zhuhai, List.of(DataCategory.IDENTITY));
        note(zhuhai.liaison().recordDelivery(id, delivery(hash('a'), List.of(DataCategory.IDENTITY))));
        note(macau.liaison().recordReceipt(id, hash('a')));
    }

    private void play(String id, Fate fate, Force requester, Force target) {
        create(id, requester, target);
        switch (fate) {
            case LEFT_PENDING -> { }
            case REJECTED -> note(target.approver().rejectRequest(id, "Outside the scope of the agreement"));
            case REVOKED_BEFORE_DELIVERY_DESTROYED -> {
                grant(id, target, List.of(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS));
                note(target.approver().revokeGrant(id, "Case closed before delivery"));
                note(requester.liaison().recordDestruction(id, DestructionMethod.SECURE_ERASE));
            }
            case USED_AND_DESTROYED -> {
                grant(id, target, List.of(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS));
                note(target.liaison().recordDelivery(id, delivery(hash('a'), List.of(DataCategory.IDENTITY))));
                note(requester.liaison().recordReceipt(id, hash('a')));
                note(requester.liaison().recordAccess(id, "Cross-check with border log"));
                note(requester.liaison().recordAccess(id, "Confirm identity for the case file"));
                note(requester.liaison().recordDestruction(id, DestructionMethod.CRYPTO_ERASE));
            }
            case MISMATCH_REDELIVERED_REVOKED_DESTROYED -> {
                grant(id, target, List.of(DataCategory.IDENTITY));
                note(target.liaison().recordDelivery(id, delivery(hash('b'), List.of(DataCategory.IDENTITY))));
                note(requester.liaison().recordReceipt(id, hash('c')));
                note(target.liaison().recordDelivery(id, delivery(hash('d'), List.of(DataCategory.IDENTITY))));
                note(requester.liaison().recordReceipt(id, hash('d')));
                note(requester.liaison().recordAccess(id, "Check the re-delivered record"));
                note(target.approver().revokeGrant(id, "Provider withdrew consent"));
                note(requester.liaison().recordDestruction(id, DestructionMethod.SECURE_ERASE));
            }
        }
    }

    private void create(String id, Force requester, Force target) {
        note(requester.liaison().createRequest(id, new NewRequest(target.mspId(),
                "Scripted audit exchange: identify a travel permit holder", "Liaison agreement art. 3",
                HandlingCode.H1, null, List.of(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS), Urgency.NORMAL,
                30), CaseDetails.of("{\"case\":\"scripted audit case\"}")));
    }

    private void grant(String id, Force target, List<DataCategory> categories) {
        Instant now = Instant.now();
        note(target.approver().approveRequest(id, new GrantTerms(categories, now.plus(Duration.ofDays(7)),
                now.plus(Duration.ofDays(20)), 3, "H1 applies")));
    }

    private static DeliveryManifest delivery(String hash, List<DataCategory> categories) {
        return new DeliveryManifest(hash, hash('e'), 3, 2048, "B", 2, categories);
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    private void note(Submitted<?> submitted) {
        lastBlock.accumulateAndGet(submitted.receipt().blockNumber(), Math::max);
    }
}
