package org.gbx.it.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gbx.client.audit.ChainVerification;
import org.gbx.client.audit.ChainVerificationResult;
import org.gbx.client.audit.ProgressListener;
import org.gbx.client.audit.chain.BlockSource;
import org.gbx.client.audit.chain.PeerBlockSource;
import org.gbx.client.audit.history.ChaincodeView;
import org.gbx.client.audit.history.HistoryComparison;
import org.gbx.client.audit.history.LedgerChaincodeView;
import org.gbx.client.audit.history.RecordVersion;
import org.gbx.client.audit.history.RequestFacts;
import org.gbx.client.audit.rules.AuditRules;
import org.gbx.client.audit.rules.AuditScope;
import org.gbx.client.audit.rules.AuditedRequest;
import org.gbx.client.audit.rules.Finding;
import org.gbx.client.audit.rules.Severity;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.AuditTrail;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.DestructionMethod;
import org.gbx.client.model.HandlingCode;
import org.gbx.client.model.HistoryEntry;
import org.gbx.client.model.NewRequest;
import org.gbx.client.model.Urgency;
import org.gbx.it.Await;
import org.gbx.it.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fifty scripted exchanges (refusals, revocations, re-deliveries, destructions, pending ones):
 * the histories the committee rebuilds from the blocks alone equal what the chaincode reports,
 * and the rules flag exactly the scripted anomalies.
 */
class RebuiltHistoryIT {

    private static final int EXCHANGES = 50;

    private static LedgerConnection macauLiaison;
    private static LedgerConnection macauApprover;
    private static LedgerConnection zhuhaiLiaison;
    private static LedgerConnection zhuhaiApprover;
    private static LedgerConnection auditor;
    private static Map<String, ScriptedExchanges.Fate> fates;
    private static ChainVerificationResult verified;

    @BeforeAll
    static void run_the_scripted_exchanges_and_verify_the_ledger() throws Exception {
        macauLiaison = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
        macauApprover = TestNetwork.connect(TestNetwork.MACAU_APPROVER);
        zhuhaiLiaison = TestNetwork.connect(TestNetwork.ZHUHAI_LIAISON);
        zhuhaiApprover = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER);
        auditor = TestNetwork.connect(TestNetwork.OVERSIGHT_AUDITOR);
        ScriptedExchanges script = new ScriptedExchanges(force("MacauPJMSP", macauLiaison, macauApprover),
                force("ZhuhaiPSBMSP", zhuhaiLiaison, zhuhaiApprover));
        fates = script.run(TestNetwork.uniqueId("audit"), EXCHANGES);
        BlockSource committeePeer = LedgerVerificationIT.committeePeer(auditor);
        awaitHeight(committeePeer, script.lastBlock() + 1);
        verified = new ChainVerification(TestNetwork.config().channel(), TestNetwork.config().chaincode(),
                Optional.empty(), ProgressListener.silent()).run(committeePeer);
    }

    @AfterAll
    static void close() {
        for (LedgerConnection c : List.of(macauLiaison, macauApprover, zhuhaiLiaison, zhuhaiApprover, auditor)) {
            c.close();
        }
    }

    @Test
    void the_ledger_with_the_scripted_exchanges_verifies() {
        assertThat(verified.problems()).isEmpty();
    }

    @Test
    void every_scripted_request_is_rebuilt_with_its_final_status() {
        fates.forEach((id, fate) -> {
            List<RecordVersion> history = verified.rebuilt().history(id);
            assertThat(history).as(id).isNotEmpty();
            assertThat(history.get(history.size() - 1).record().path("status").asText()).as(id)
                    .isEqualTo(fate.finalStatus.name());
        });
    }

    @Test
    void the_rebuilt_histories_equal_the_chaincodes() {
        LedgerChaincodeView chaincode = new LedgerChaincodeView(ledger(auditor), List.of("MacauPJMSP", "ZhuhaiPSBMSP"));
        // Other tests may be changing their own requests on the shared network meanwhile.
        ChaincodeView scripted = new ChaincodeView() {
            @Override
            public Set<String> requestIds() {
                return chaincode.requestIds().stream().filter(fates::containsKey).collect(Collectors.toSet());
            }

            @Override
            public List<HistoryEntry> history(String requestId) {
                return chaincode.history(requestId);
            }

            @Override
            public List<AccessRecord> accesses(String requestId) {
                return chaincode.accesses(requestId);
            }

            @Override
            public List<AuditTrail> trails(List<String> requestIds) {
                return chaincode.trails(requestIds);
            }
        };

        assertThat(scripted.requestIds()).hasSize(EXCHANGES);
        assertThat(HistoryComparison.compare(verified.rebuilt().restrictedTo(fates::containsKey), scripted)).isEmpty();
    }

    @Test
    void audit_trails_answer_for_many_requests_what_history_and_accesses_answer_for_each() {
        LedgerChaincodeView chaincode = new LedgerChaincodeView(ledger(auditor), List.of("MacauPJMSP", "ZhuhaiPSBMSP"));
        List<String> ids = fates.keySet().stream().sorted().toList();

        List<AuditTrail> trails = chaincode.trails(ids);

        assertThat(trails).extracting(AuditTrail::requestId).containsExactlyElementsOf(ids);
        assertThat(trails).anyMatch(trail -> !trail.accesses().isEmpty());
        for (AuditTrail trail : trails) {
            assertThat(trail.history()).as(trail.requestId()).isEqualTo(chaincode.history(trail.requestId()));
            assertThat(trail.accesses()).as(trail.requestId()).isEqualTo(chaincode.accesses(trail.requestId()));
        }
    }

    @Test
    void the_rules_flag_the_receipt_mismatches_and_no_breach_in_the_scripted_exchanges() {
        List<AuditedRequest> scripted = RequestFacts.asOf(verified.rebuilt(), Instant.now()).stream()
                .filter(r -> fates.containsKey(r.requestId())).toList();
        List<Finding> findings = AuditRules.check(AuditScope.of(scripted, Instant.now()));

        assertThat(scripted).hasSize(EXCHANGES);
        assertThat(findings).noneMatch(f -> f.severity() == Severity.BREACH);
        assertThat(findings).filteredOn(f -> f.rule().equals("receipt-hash-mismatch")).extracting(Finding::subject)
                .containsExactlyInAnyOrderElementsOf(fates.entrySet().stream()
                        .filter(e -> e.getValue() == ScriptedExchanges.Fate.MISMATCH_REDELIVERED_REVOKED_DESTROYED)
                        .map(Map.Entry::getKey).toList());
    }

    @Test
    void a_suspended_force_can_neither_create_requests_nor_have_its_data_accessed() throws Exception {
        String received = TestNetwork.uniqueId("audit-susp");
        new ScriptedExchanges(force("MacauPJMSP", macauLiaison, macauApprover),
                force("ZhuhaiPSBMSP", zhuhaiLiaison, zhuhaiApprover)).receivedByMacau(received);
        ExchangeLedger committee = ledger(auditor);
        committee.suspendOrg("ZhuhaiPSBMSP", "Audit: suspension enforcement test");
        try {
            String refused = TestNetwork.uniqueId("audit-susp");
            assertThatThrownBy(() -> ledger(zhuhaiLiaison).createRequest(refused,
                    new NewRequest("MacauPJMSP", "Scripted audit exchange", "Liaison agreement art. 3",
                            HandlingCode.H0, null, List.of(DataCategory.IDENTITY), Urgency.NORMAL, 30),
                    TestNetwork.sealedForNoOne(refused, CaseDetails.of("{\"case\":\"scripted\"}"))))
                    .isInstanceOfSatisfying(ChaincodeRefusalException.class,
                            e -> assertThat(e.code()).isEqualTo("ORG_SUSPENDED"));
            assertThatThrownBy(() -> ledger(macauLiaison).recordAccess(received, "Use during the suspension"))
                    .isInstanceOfSatisfying(ChaincodeRefusalException.class,
                            e -> assertThat(e.code()).isEqualTo("ORG_SUSPENDED"));
        } finally {
            committee.unsuspendOrg("ZhuhaiPSBMSP", "Audit: suspension enforcement test done");
        }
        // Destruction stays allowed in any case; here it closes the exchange cleanly.
        ledger(macauLiaison).recordDestruction(received, DestructionMethod.SECURE_ERASE);
    }

    private static ScriptedExchanges.Force force(String mspId, LedgerConnection liaison, LedgerConnection approver) {
        PeerBlockSource peer = new PeerBlockSource(liaison.network(), mspId + " peer", Duration.ofSeconds(30));
        return new ScriptedExchanges.Force(mspId, ledger(liaison), ledger(approver), peer::height);
    }

    private static ExchangeLedger ledger(LedgerConnection connection) {
        return ExchangeLedger.over(connection);
    }

    private static void awaitHeight(BlockSource source, long height) {
        Await.until("block height " + height + " on the committee's peer", () -> source.height() >= height);
    }
}
