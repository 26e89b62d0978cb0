package org.gbx.client.records;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gbx.client.model.DataCategory;

/**
 * One record of the force's own database as it goes into a delivery: its category, its local id,
 * the subject it concerns and its fields (strings, longs or null). A CCTV record also points at
 * its clip file, which is streamed, never loaded.
 */
public record SourceRecord(DataCategory category, String recordId, Subject subject, SortedMap<String, Object> fields,
        Optional<Clip> clip) {

    /** The clip file of a CCTV record, with the size and SHA-256 the database holds for it. */
    public record Clip(Path file, long sizeBytes, String sha256) {
    }

    public SourceRecord {
        fields = new TreeMap<>(fields);
    }

    /** The record as a JSON-ready tree; the clip file's local path is not part of it. */
    public Map<String, Object> toJsonTree() {
        return Map.of("category", category.name(), "recordId", recordId,
                "subject", Map.of("idType", subject.idType().name(), "idNumber", subject.idNumber()),
                "fields", fields);
    }

    @Override
    public String toString() {
        return "SourceRecord[" + category + " " + recordId + "]";
    }
}
