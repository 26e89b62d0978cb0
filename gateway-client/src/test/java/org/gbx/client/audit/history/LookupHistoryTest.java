package org.gbx.client.audit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.client.audit.history.LedgerRecords.BOTH;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gbx.client.audit.chain.ProblemKind;
import org.gbx.client.audit.chain.VerificationProblem;
import org.gbx.client.audit.report.AuditReport;
import org.gbx.client.audit.report.LookupActivity;
import org.gbx.client.audit.report.ReportBuilder;
import org.gbx.client.audit.report.ReportFormat;
import org.gbx.client.audit.report.ReportText;
import org.junit.jupiter.api.Test;

/** The committee rebuilds lookups from the blocks and reports them per officer, force, purpose and day. */
class LookupHistoryTest {

    private final HistoryRebuilder rebuilder = new HistoryRebuilder("exchange", RebuiltLedger.empty());

    private static ObjectNode lookup(String id, String officer, int sequence, String requestId) {
        ObjectNode record = LedgerRecords.JSON.createObjectNode()
                .put("lookupId", id).put("askerOrg", "MacauPJMSP").put("holderOrg", "ZhuhaiPSBMSP")
                .put("officer", officer).put("idType", "MAINLAND_ID").put("purpose", "Identify a fraud suspect")
                .put("legalBasis", "Liaison arrangement art. 3").put("blindedHash", "ab".repeat(32)).put("keyEpoch", 1)
                .put("at", LedgerRecords.T0.plusSeconds(sequence).toString()).put("day", "2026-03-02")
                .put("dailySequence", sequence).put("dailyCap", 2);
        return requestId == null ? record.putNull("requestId") : record.put("requestId", requestId);
    }

    @Test
    void lookups_are_rebuilt_and_summed_with_caps_reached_and_requests_they_led_to() throws Exception {
        String officer = "11".repeat(32);
        rebuilder.apply(LedgerRecords.transaction("tx-1", 5, 0, "lookup:RecordLookup", BOTH, "lookup~L1",
                lookup("L1", officer, 1, null)));
        rebuilder.apply(LedgerRecords.transaction("tx-2", 6, 10, "lookup:RecordLookup", BOTH, "lookup~L2",
                lookup("L2", officer, 2, null)));
        rebuilder.apply(LedgerRecords.transaction("tx-3", 7, 20, "CreateRequest", BOTH, "lookup~L2",
                lookup("L2", officer, 2, "req-9")));

        LookupActivity activity = LookupActivity.of(rebuilder.ledger(), LedgerRecords.T0.minusSeconds(60),
                LedgerRecords.T0.plusSeconds(3600));

        assertThat(activity.lookups()).extracting(LookupActivity.AuditedLookup::lookupId).containsExactly("L1", "L2");
        assertThat(activity.lookups().get(1).requestId()).isEqualTo("req-9");
        assertThat(activity.lookups().get(1).transactionId()).isEqualTo("tx-2");
        assertThat(activity.perOfficer()).containsEntry("MacauPJMSP", Map.of(officer, 2L));
        assertThat(activity.perForces()).containsEntry("MacauPJMSP → ZhuhaiPSBMSP", 2L);
        assertThat(activity.perPurpose()).containsEntry("Identify a fraud suspect", 2L);
        assertThat(activity.capsReached()).containsExactly(
                new LookupActivity.CapReached(officer, "MacauPJMSP", java.time.LocalDate.parse("2026-03-02")));
        assertThat(activity.ledToRequests()).isEqualTo(1);

        AuditReport report = ReportBuilder.build(List.of(), activity, LedgerRecords.T0.minusSeconds(60),
                LedgerRecords.T0.plusSeconds(3600), Instant.now(), Instant.now(), "test", 8, "00", 0);
        for (ReportFormat format : ReportFormat.values()) {
            StringWriter out = new StringWriter();
            format.write(report, new ReportText(java.util.Locale.ENGLISH, java.time.ZoneId.of("Asia/Macau"), msp -> msp),
                    java.util.Optional.empty(), out);
            assertThat(out.toString()).as(format.name()).contains("L2").contains("req-9");
        }
    }

    @Test
    void a_lookup_endorsed_without_the_holder_is_a_problem() {
        List<VerificationProblem> problems = rebuilder.apply(LedgerRecords.transaction("tx-1", 5, 0,
                "lookup:RecordLookup", Set.of("MacauPJMSP", "OversightMSP"), "lookup~L1", lookup("L1", "22".repeat(32), 1,
                        null)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.ENDORSEMENT_POLICY_NOT_MET);
            assertThat(p.detail()).contains("lookup L1");
        });
    }
}
