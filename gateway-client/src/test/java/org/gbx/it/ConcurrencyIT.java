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
            requester.createRequest(id, newRequest(), CaseDetails.of(Files.readAllBytes(GbxCli.caseDetailsFile(dir))));
            approveWhenVisible(TestNetwork.ledger(zhuhai), id, 100);
            RequestLifecycleIT.deliverAndReceipt(id, DataCategory.VEHICLES);

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

    private static void awaitVisible(ExchangeLedger ledger, String id) {
        TestNetwork.awaitRequest(ledger, id);
    }
}
