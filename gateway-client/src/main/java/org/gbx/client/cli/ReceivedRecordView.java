package org.gbx.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gbx.client.model.DataCategory;
import org.gbx.client.records.IdType;
import org.gbx.client.records.ReceivedStore;

/**
 * A received record as {@code gbx access} shows it to an officer: a heading (position, category,
 * record id), then one labelled line per field in the reader's language, times in the display
 * zone, and the clip file; {@code --json} carries the record as it was delivered. A field this
 * client has no words for (another force's database may have more columns) keeps its own name.
 */
final class ReceivedRecordView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReceivedRecordView() {
    }

    static List<String> card(ReceivedStore.StoredRecord record, Messages messages, TimeDisplay time) {
        Vocabulary vocabulary = messages.vocabulary();
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("access.recordHeading", record.position() + 1,
                vocabulary.ofText(DataCategory.class, record.category()), record.recordId()));
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode tree = parse(record.canonicalJson());
        JsonNode subject = tree.path("subject");
        if (subject.isObject()) {
            fields.put(messages.get("recordField.subject"), vocabulary.ofText(IdType.class, subject.path("idType").asText())
                    + " " + subject.path("idNumber").asText());
        }
        tree.path("fields").fields().forEachRemaining(field -> fields.put(
                messages.find("recordField." + field.getKey()).orElse(field.getKey()),
                field.getValue().isNull() ? "—" : time.format(field.getValue().asText())));
        record.clip().ifPresent(clip -> fields.put(messages.get("recordField.clipFile"), clip.toString()));
        int width = fields.keySet().stream().mapToInt(TableWriter::displayWidth).max().orElse(0);
        fields.forEach((label, value) -> lines.add("    " + label + " ".repeat(width - TableWriter.displayWidth(label))
                + "  " + value));
        return lines;
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

    private static JsonNode parse(String canonicalJson) {
        try {
            return JSON.readTree(canonicalJson);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
