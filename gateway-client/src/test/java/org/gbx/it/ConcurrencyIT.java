package org.gbx.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.GrantTerms;
import org.gbx.client.model.HandlingCode;
import org.gbx.client.model.NewRequest;
import org.gbx.client.model.Status;
import org.gbx.client.model.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty officers acting on one request at once: every conflict is retried with a new proposal,
 * nothing is lost or counted twice, and the ledger ends consistent.
 */
class ConcurrencyIT {

    private static final int OFFICERS = 20;

    @TempDir
    Path dir;

    @Test
    void twenty_concurrent_accesses_are_all_recorded_once_each() throws Exception {
        String id = TestNetwork.uniqueId("REQ");
        try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
                LedgerConnection zhuhai = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER)) {
            ExchangeLedger requester = TestNetwork.ledger(macau);
            received(requester, TestNetwork.ledger(zhuhai), id, 100);

            List<Submitted<AccessRecord>> accesses = concurrently(
                    officer -> requester.recordAccess(id, "Case review by analyst " + officer));

            assertThat(accesses).extracting(a -> a.value().sequence())
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, OFFICERS).boxed().toList());
            assertThat(accesses).anySatisfy(a -> assertThat(a.receipt().attempts()).isGreaterThan(1));
            assertThat(requester.getRequest(id).accessCount()).isEqualTo(OFFICERS);
            assertThat(requester.listAccesses(id)).extracting(AccessRecord::sequence)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, OFFICERS).boxed().toList());
        }
    }

    @Test
    void of_twenty_concurrent_approvals_exactly_one_lands() throws Exception {
        String id = TestNetwork.uniqueId("REQ");
        try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
                LedgerConnection zhuhai = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER)) {
            TestNetwork.ledger(macau).createRequest(id, newRequest(),
                    CaseDetails.of(Files.readAllBytes(GbxCli.caseDetailsFile(dir))));
            ExchangeLedger approver = TestNetwork.ledger(zhuhai);
            awaitVisible(approver, id);

            List<String> outcomes = concurrently(officer -> {
                try {
                    approver.approveRequest(id, grant(officer + 1));
                    return "APPROVED";
                } catch (ChaincodeRefusalException e) {
                    return e.code();
                }
            });

            assertThat(outcomes).containsOnlyOnce("APPROVED");
            assertThat(outcomes).filteredOn(o -> !o.equals("APPROVED")).containsOnly("ILLEGAL_TRANSITION");
            ExchangeRequest request = approver.getRequest(id);
            assertThat(request.status()).isEqualTo(Status.PARTIALLY_APPROVED);
            assertThat(approver.getHistory(id)).extracting(h -> h.record().status())
                    .containsExactly(Status.PENDING, Status.PARTIALLY_APPROVED);
        }
    }

    @Test
    void of_three_concurrent_accesses_on_a_one_access_grant_the_losers_hear_someone_used_it_first() throws Exception {
        String id = TestNetwork.uniqueId("REQ");
        try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
                LedgerConnection zhuhai = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER)) {
            ExchangeLedger requester = TestNetwork.ledger(macau);
            received(requester, TestNetwork.ledger(zhuhai), id, 1);

            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<Object>> outcomes = new ArrayList<>();
            try {
                for (int officer = 0; officer < 3; officer++) {
                    outcomes.add(pool.submit(() -> {
                        try {
                            return requester.recordAccess(id, "Case review");
                        } catch (ChaincodeRefusalException e) {
                            return e;
                        }
                    }));
                }
                List<Object> results = new ArrayList<>();
                for (Future<Object> outcome : outcomes) {
                    results.add(outcome.get(5, TimeUnit.MINUTES));
                }
                List<ChaincodeRefusalException> losers = results.stream()
                        .filter(ChaincodeRefusalException.class::isInstance).map(ChaincodeRefusalException.class::cast)
                        .toList();
                assertThat(losers).hasSize(2).allSatisfy(e -> assertThat(e.code()).isEqualTo("ACCESS_LIMIT_REACHED"));
                // All three propose before the first commits: the losers lose a race, then are refused.
                assertThat(losers).anySatisfy(e -> assertThat(e.isAfterLostRace()).isTrue());
                assertThat(requester.getRequest(id).accessCount()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Request {@code id} created, granted for {@code maxAccesses} accesses, delivered and received. */
    private void received(ExchangeLedger requester, ExchangeLedger approver, String id, int maxAccesses) throws Exception {
        requester.createRequest(id, newRequest(), CaseDetails.of(Files.readAllBytes(GbxCli.caseDetailsFile(dir))));
        approveWhenVisible(approver, id, maxAccesses);
        RequestLifecycleIT.deliverAndReceipt(id, DataCategory.VEHICLES);
    }

    /** What one of the officers does. */
    private interface OfficerAction<T> {
        T act(int officer) throws Exception;
    }

    private static <T> List<T> concurrently(OfficerAction<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(OFFICERS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int officer = 0; officer < OFFICERS; officer++) {
                int n = officer;
                futures.add(pool.submit((Callable<T>) () -> action.act(n)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static NewRequest newRequest() {
        return new NewRequest("ZhuhaiPSBMSP", "Trace vehicles crossing at Hengqin port in a smuggling case",
                "Macau Criminal Procedure Code art. 3", HandlingCode.H2, null,
                List.of(DataCategory.VEHICLES, DataCategory.BORDER_CROSSINGS), Urgency.NORMAL, 60);
    }

    private static GrantTerms grant(int maxAccesses) {
        Instant now = Instant.now();
        return new GrantTerms(List.of(DataCategory.VEHICLES), now.plus(7, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS), maxAccesses, "No onward sharing");
    }

    private static void approveWhenVisible(ExchangeLedger approver, String id, int maxAccesses) throws Exception {
        awaitVisible(approver, id);
        approver.approveRequest(id, grant(maxAccesses));
    }

    private static void awaitVisible(ExchangeLedger ledger, String id) throws InterruptedException {
        for (int i = 0; i < 80; i++) {
            try {
                ledger.getRequest(id);
                return;
            } catch (ChaincodeRefusalException e) {
                Thread.sleep(250);
            }
        }
    }
}
