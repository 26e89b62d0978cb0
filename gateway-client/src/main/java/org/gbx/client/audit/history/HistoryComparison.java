package org.gbx.client.audit.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.HistoryEntry;

/**
 * Compares, request by request, the history rebuilt from the blocks with what the chaincode
 * reports (GetHistory, ListAccesses), and lists every difference. Records are compared as the
 * client reads them ({@code org.gbx.client.model}), field by field, so a difference names the
 * fields, not just "differs".
 */
public final class HistoryComparison {

    // Read the rebuilt JSON exactly as the facade reads the chaincode's answers.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .findAndRegisterModules();

    private HistoryComparison() {
    }

    public static List<HistoryDifference> compare(RebuiltLedger rebuilt, ChaincodeView chaincode) {
        List<HistoryDifference> differences = new ArrayList<>();
        Set<String> listed = chaincode.requestIds();
        Set<String> all = new TreeSet<>(listed);
        all.addAll(rebuilt.requests().keySet());
        ChaincodeAnswers answers = ChaincodeAnswers.fetch(chaincode,
                all.stream().filter(id -> listed.contains(id) && rebuilt.requests().containsKey(id)).toList());
        for (String id : all) {
            if (!listed.contains(id)) {
                differences.add(new HistoryDifference(id, HistoryDifference.Kind.MISSING_FROM_CHAINCODE,
                        "written by transaction " + rebuilt.history(id).get(0).transactionId()
                                + " but not listed by the chaincode"));
            } else if (!rebuilt.requests().containsKey(id)) {
                differences.add(new HistoryDifference(id, HistoryDifference.Kind.MISSING_FROM_BLOCKS,
                        "listed by the chaincode, but no valid transaction in the blocks wrote it"));
            } else {
                compareVersions(id, rebuilt.history(id), answers.history(id), differences);
                compareAccesses(id, rebuilt.accessesOf(id), answers.accesses(id), differences);
            }
        }
        return differences;
    }

    /**
     * Matches versions by transaction id, so one difference in order is reported once, and each
     * version's content is compared with the chaincode's version from the same transaction.
     */
    private static void compareVersions(String id, List<RecordVersion> rebuilt, List<HistoryEntry> reported,
            List<HistoryDifference> differences) {
        if (rebuilt.size() != reported.size()) {
            differences.add(new HistoryDifference(id, HistoryDifference.Kind.VERSION_COUNT,
                    "the blocks hold " + rebuilt.size() + " versions, the chaincode reports " + reported.size()));
        }
        Map<String, HistoryEntry> byTransaction = new LinkedHashMap<>();
        reported.forEach(entry -> byTransaction.put(entry.txId(), entry));
        List<String> blockOrder = rebuilt.stream().map(RecordVersion::transactionId).toList();
        List<String> reportedOrder = reported.stream().map(HistoryEntry::txId).toList();
        if (blockOrder.size() == reportedOrder.size() && new HashSet<>(blockOrder).equals(new HashSet<>(reportedOrder))
                && !blockOrder.equals(reportedOrder)) {
            boolean reversed = blockOrder.equals(reversed(reportedOrder));
            differences.add(new HistoryDifference(id, HistoryDifference.Kind.VERSION_ORDER, reversed
                    ? "the chaincode lists the versions newest first; docs/ledger.md says oldest first"
                    : "the chaincode lists the versions in another order than the blocks"));
        }
        for (int i = 0; i < rebuilt.size(); i++) {
            RecordVersion version = rebuilt.get(i);
            HistoryEntry entry = byTransaction.get(version.transactionId());
            if (entry == null) {
                differences.add(new HistoryDifference(id, HistoryDifference.Kind.VERSION_ORIGIN, "version " + (i + 1)
                        + " (transaction " + version.transactionId() + ") is not in the chaincode's history"));
                continue;
            }
            if (!version.timestamp().equals(entry.timestamp())) {
                differences.add(new HistoryDifference(id, HistoryDifference.Kind.VERSION_ORIGIN, "version " + (i + 1)
                        + " (transaction " + version.transactionId() + "): the blocks say " + version.timestamp()
                        + ", the chaincode says " + entry.timestamp()));
            }
            List<String> fields = differingFields(read(version.record(), ExchangeRequest.class), entry.record());
            if (!fields.isEmpty()) {
                differences.add(new HistoryDifference(id, HistoryDifference.Kind.RECORD_CONTENT,
                        "version " + (i + 1) + " (transaction " + version.transactionId() + ") differs in "
                                + String.join(", ", fields)));
            }
        }
        Set<String> fromBlocks = new HashSet<>(blockOrder);
        reportedOrder.stream().filter(tx -> !fromBlocks.contains(tx)).forEach(tx -> differences.add(
                new HistoryDifference(id, HistoryDifference.Kind.VERSION_ORIGIN, "the chaincode reports a version from "
                        + "transaction " + tx + ", which no valid transaction in the blocks wrote")));
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static void compareAccesses(String id, List<RecordVersion> rebuilt, List<AccessRecord> reported,
            List<HistoryDifference> differences) {
        List<AccessRecord> fromBlocks = rebuilt.stream().map(v -> read(v.record(), AccessRecord.class)).toList();
        if (!fromBlocks.equals(reported)) {
            differences.add(new HistoryDifference(id, HistoryDifference.Kind.ACCESSES, "the blocks hold "
                    + fromBlocks.size() + " access records, the chaincode reports " + reported.size()
                    + (fromBlocks.size() == reported.size() ? " with different content" : "")));
        }
    }

    /** Names of the record components that differ; every component when one side is unreadable. */
    static List<String> differingFields(Object fromBlocks, Object reported) {
        if (fromBlocks == null || reported == null) {
            return Objects.equals(fromBlocks, reported) ? List.of() : List.of("the whole record (unreadable)");
        }
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : fromBlocks.getClass().getRecordComponents()) {
            try {
                Object a = component.getAccessor().invoke(fromBlocks);
                Object b = component.getAccessor().invoke(reported);
                if (!Objects.equals(a, b)) {
                    fields.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }

    private static <T> T read(JsonNode record, Class<T> type) {
        try {
            return JSON.treeToValue(record, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
