package org.gbx.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gbx.client.records.ReceivedStore;

/** A received record as {@code gbx access} prints it: one line of canonical JSON, plus the clip file. */
final class ReceivedRecordView {

    private ReceivedRecordView() {
    }

    static String line(ReceivedStore.StoredRecord record) {
        return record.canonicalJson() + record.clip().map(clip -> "  clip: " + clip).orElse("");
    }

    static Map<String, Object> json(ReceivedStore.StoredRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("position", record.position());
        json.put("category", record.category());
        json.put("recordId", record.recordId());
        json.put("record", record.canonicalJson());
        json.put("clip", record.clip().map(Object::toString).orElse(null));
        return json;
    }
}
