package org.gbx.client.audit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.client.audit.history.LedgerRecords.BOTH;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.gbx.client.audit.chain.LedgerTransaction;
import org.gbx.client.audit.chain.LedgerWrite;
import org.gbx.client.audit.chain.ProblemKind;
import org.gbx.client.audit.chain.VerificationProblem;
import org.gbx.client.audit.rules.AuditedRequest;
import org.junit.jupiter.api.Test;

class HistoryRebuilderTest {

    private final HistoryRebuilder rebuilder = new HistoryRebuilder("exchange", RebuiltLedger.empty());

    @Test
    void versions_of_a_request_are_kept_in_block_order_with_their_transactions() {
        ObjectNode pending = LedgerRecords.pending("req-1");
        rebuilder.apply(LedgerRecords.transaction("tx-1", 5, 0, "CreateRequest", BOTH, "request~req-1", pending));
        rebuilder.apply(LedgerRecords.transaction("tx-2", 6, 3600, "ApproveRequest", BOTH, "request~req-1",
                LedgerRecords.approved(pending)));

        List<RecordVersion> history = rebuilder.ledger().history("req-1");

        assertThat(history).extracting(RecordVersion::transactionId).containsExactly("tx-1", "tx-2");
        assertThat(history).extracting(v -> v.record().path("status").asText())
                .containsExactly("PENDING", "PARTIALLY_APPROVED");
    }

    @Test
    void an_invalid_transaction_changes_nothing() {
        LedgerTransaction valid = LedgerRecords.transaction("tx-1", 5, 0, "CreateRequest", BOTH, "request~req-1",
                LedgerRecords.pending("req-1"));
        LedgerTransaction invalid = new LedgerTransaction(5, 1, "tx-2", valid.timestamp(), "MacauPJMSP", "exchange",
                "ApproveRequest", "MVCC_READ_CONFLICT", BOTH, List.of(new LedgerWrite("exchange", "request~req-1",
                        LedgerRecords.approved(LedgerRecords.pending("req-1")).toString(), false)));

        rebuilder.apply(valid);
        rebuilder.apply(invalid);

        assertThat(rebuilder.ledger().history("req-1")).hasSize(1);
    }

    @Test
    void a_change_endorsed_by_one_force_only_is_a_problem() {
        List<VerificationProblem> problems = rebuilder.apply(LedgerRecords.transaction("tx-1", 5, 0, "CreateRequest",
                Set.of("MacauPJMSP", "OversightMSP"), "request~req-1", LedgerRecords.pending("req-1")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.ENDORSEMENT_POLICY_NOT_MET);
            assertThat(p.transactionId()).isEqualTo("tx-1");
        });
    }

    @Test
    void a_damaged_request_record_is_kept_verbatim_and_flagged_not_thrown() {
        LedgerTransaction damaged = new LedgerTransaction(5, 0, "tx-1", LedgerRecords.T0, "MacauPJMSP", "exchange",
                "CreateRequest", "VALID", BOTH, List.of(new LedgerWrite("exchange", "request~req-1", "{\"requ", false)));

        assertThat(rebuilder.apply(damaged)).extracting(VerificationProblem::kind)
                .containsExactly(ProblemKind.ENDORSEMENT_POLICY_NOT_MET);
        assertThat(rebuilder.ledger().history("req-1")).singleElement()
                .satisfies(v -> assertThat(v.record().asText()).isEqualTo("{\"requ"));
    }

    @Test
    void access_records_and_suspensions_are_rebuilt_from_their_keys() {
        ObjectNode access = LedgerRecords.JSON.createObjectNode().put("requestId", "req-1").put("sequence", 1)
                .put("officer", "a".repeat(64)).put("justification", "Check").put("accessedAt", "2026-03-03T08:00:00Z");
        ObjectNode suspension = LedgerRecords.JSON.createObjectNode().put("org", "ZhuhaiPSBMSP").put("suspended", true);

        rebuilder.apply(LedgerRecords.transaction("tx-a", 7, 86400, "RecordAccess", BOTH,
                "\u0000access\u0000req-1\u0000000001\u0000", access));
        rebuilder.apply(LedgerRecords.transaction("tx-s", 8, 90000, "SuspendOrg", Set.of("OversightMSP"),
                "suspension~ZhuhaiPSBMSP", suspension));

        assertThat(rebuilder.ledger().accessesOf("req-1")).singleElement()
                .extracting(RecordVersion::transactionId).isEqualTo("tx-a");
        assertThat(rebuilder.ledger().suspensions()).singleElement().extracting(RecordVersion::function)
                .isEqualTo("SuspendOrg");
    }

    @Test
    void the_facts_keep_every_delivery_and_receipt_of_a_redelivered_request() {
        ObjectNode approved = LedgerRecords.approved(LedgerRecords.pending("req-1"));
        ObjectNode first = LedgerRecords.delivered(approved, "1".repeat(64), 7200);
        ObjectNode mismatch = LedgerRecords.received(first, "2".repeat(64), 7300);
        ObjectNode second = LedgerRecords.delivered(mismatch, "3".repeat(64), 7400);
        ObjectNode matched = LedgerRecords.received(second, "3".repeat(64), 7500);
        List<ObjectNode> versions = List.of(LedgerRecords.pending("req-1"), approved, first, mismatch, second, matched);
        for (int i = 0; i < versions.size(); i++) {
            rebuilder.apply(LedgerRecords.transaction("tx-" + i, 10 + i, 1000L * i, "Step", BOTH, "request~req-1",
                    versions.get(i)));
        }

        AuditedRequest facts = RequestFacts.asOf(rebuilder.ledger(), LedgerRecords.T0.plusSeconds(86400)).get(0);

        assertThat(facts.deliveries()).extracting(AuditedRequest.Delivery::packageHash)
                .containsExactly("1".repeat(64), "3".repeat(64));
        assertThat(facts.receipts()).extracting(AuditedRequest.Receipt::recordedAsMatching).containsExactly(false, true);
        assertThat(facts.receipts().get(0).deliveredHash()).isEqualTo("1".repeat(64));
        assertThat(facts.answeredAt()).hasValue(LedgerRecords.T0.plusSeconds(1000));
        assertThat(facts.status()).isEqualTo("RECEIVED");
        assertThat(facts.timeline()).hasSize(6);
    }

    @Test
    void the_facts_as_of_an_earlier_moment_leave_out_later_versions() {
        ObjectNode pending = LedgerRecords.pending("req-1");
        rebuilder.apply(LedgerRecords.transaction("tx-1", 5, 0, "CreateRequest", BOTH, "request~req-1", pending));
        rebuilder.apply(LedgerRecords.transaction("tx-2", 6, 3600, "ApproveRequest", BOTH, "request~req-1",
                LedgerRecords.approved(pending)));

        assertThat(RequestFacts.asOf(rebuilder.ledger(), LedgerRecords.T0.plusSeconds(60)))
                .singleElement().extracting(AuditedRequest::status).isEqualTo("PENDING");
    }
}
