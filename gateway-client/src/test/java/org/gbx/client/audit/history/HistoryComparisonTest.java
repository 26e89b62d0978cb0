package org.gbx.client.audit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.client.audit.history.LedgerRecords.BOTH;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.HistoryEntry;
import org.junit.jupiter.api.Test;

class HistoryComparisonTest {

    private static final ObjectMapper MODEL = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HistoryRebuilder rebuilder = new HistoryRebuilder("exchange", RebuiltLedger.empty());
    private final FakeChaincode chaincode = new FakeChaincode();

    @Test
    void identical_histories_give_no_difference() throws Exception {
        record("req-1", "tx-1", 0, LedgerRecords.pending("req-1"));
        record("req-1", "tx-2", 3600, LedgerRecords.approved(LedgerRecords.pending("req-1")));

        assertThat(HistoryComparison.compare(rebuilder.ledger(), chaincode)).isEmpty();
    }

    @Test
    void a_field_the_chaincode_reports_differently_is_named() throws Exception {
        record("req-1", "tx-1", 0, LedgerRecords.pending("req-1"));
        HistoryEntry reported = chaincode.histories.get("req-1").get(0);
        ExchangeRequest altered = MODEL.treeToValue(LedgerRecords.pending("req-1").put("purpose", "Something else"),
                ExchangeRequest.class);
        chaincode.histories.get("req-1").set(0, new HistoryEntry(reported.txId(), reported.timestamp(), false, altered));

        assertThat(HistoryComparison.compare(rebuilder.ledger(), chaincode)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(HistoryDifference.Kind.RECORD_CONTENT);
            assertThat(d.detail()).endsWith("differs in purpose");
        });
    }

    @Test
    void requests_missing_on_either_side_and_extra_versions_are_listed() throws Exception {
        record("req-1", "tx-1", 0, LedgerRecords.pending("req-1"));
        record("req-2", "tx-2", 0, LedgerRecords.pending("req-2"));
        chaincode.ids.remove("req-2");
        chaincode.ids.add("req-3");
        chaincode.histories.get("req-1").add(chaincode.histories.get("req-1").get(0));

        assertThat(HistoryComparison.compare(rebuilder.ledger(), chaincode)).extracting(HistoryDifference::requestId,
                HistoryDifference::kind).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("req-1", HistoryDifference.Kind.VERSION_COUNT),
                        org.assertj.core.groups.Tuple.tuple("req-2", HistoryDifference.Kind.MISSING_FROM_CHAINCODE),
                        org.assertj.core.groups.Tuple.tuple("req-3", HistoryDifference.Kind.MISSING_FROM_BLOCKS));
    }

    @Test
    void versions_listed_newest_first_are_one_difference_of_order_not_of_content() throws Exception {
        record("req-1", "tx-1", 0, LedgerRecords.pending("req-1"));
        record("req-1", "tx-2", 3600, LedgerRecords.approved(LedgerRecords.pending("req-1")));
        java.util.Collections.reverse(chaincode.histories.get("req-1"));

        assertThat(HistoryComparison.compare(rebuilder.ledger(), chaincode)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(HistoryDifference.Kind.VERSION_ORDER);
            assertThat(d.detail()).contains("newest first");
        });
    }

    /** Writes the version into the blocks' history and the chaincode's alike. */
    private void record(String id, String txId, long at, ObjectNode version) throws Exception {
        rebuilder.apply(LedgerRecords.transaction(txId, 1, at, "Step", BOTH, "request~" + id, version));
        chaincode.ids.add(id);
        chaincode.histories.computeIfAbsent(id, k -> new ArrayList<>()).add(new HistoryEntry(txId,
                LedgerRecords.T0.plusSeconds(at), false, MODEL.treeToValue((JsonNode) version, ExchangeRequest.class)));
    }

    private static final class FakeChaincode implements ChaincodeView {
        final Set<String> ids = new java.util.TreeSet<>();
        final Map<String, List<HistoryEntry>> histories = new HashMap<>();

        @Override
        public Set<String> requestIds() {
            return ids;
        }

        @Override
        public List<HistoryEntry> history(String requestId) {
            return histories.getOrDefault(requestId, List.of());
        }

        @Override
        public List<AccessRecord> accesses(String requestId) {
            return List.of();
        }
    }
}
