package org.gbx.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gbx.client.nodeapi.ReceivedRecord;

/**
 * A received record as {@code gbx access} shows it to an officer: a heading, then one labelled
 * line per field in the officer's language (labels from the bundles' {@code record.field.*}; a
 * field the bundles do not know keeps its own name). {@code --json} gets the record as JSON.
 */
final class ReceivedRecordCard {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Messages messages;

    ReceivedRecordCard(Messages messages) {
        this.messages = messages;
    }

    String heading(ReceivedRecord record, int count) {
        return messages.get("record.heading", record.position() + 1, count,
                messages.find("category." + record.category()).orElse(record.category()), record.recordId());
    }

    Map<String, String> fields(ReceivedRecord record) {
        JsonNode json = parse(record);
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode subject = json.path("subject");
        String idType = subject.path("idType").asText();
        fields.put("  " + messages.get("record.subject"), messages.find("idType." + idType).orElse(idType) + " "
                + subject.path("idNumber").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String label = messages.find("record.field." + field.getKey()).orElse(field.getKey());
            fields.put("  " + label, field.getValue().isNull() ? "" : field.getValue().asText());
        }
        if (record.clip() != null) {
            fields.put("  " + messages.get("record.clip"), record.clip());
        }
        return fields;
    }

    static Map<String, Object> json(ReceivedRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("position", record.position());
        json.put("category", record.category());
        json.put("recordId", record.recordId());
        json.put("record", parse(record));
        json.put("clip", record.clip());
        return json;
    }

    private static JsonNode parse(ReceivedRecord record) {
        try {
            return JSON.readTree(record.record());
        } catch (IOException e) {
            throw new UncheckedIOException("a received record is not JSON", e);
        }
    }
}
