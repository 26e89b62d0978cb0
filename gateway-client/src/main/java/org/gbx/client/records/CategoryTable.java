package org.gbx.client.records;

import java.util.Optional;
import org.gbx.client.model.DataCategory;

/**
 * Which own-records table holds each ledger data category, and its key column (the record's local
 * id). {@code OTHER} has no table: nothing is delivered for it.
 */
record CategoryTable(String table, String key) {

    static Optional<CategoryTable> of(DataCategory category) {
        return Optional.ofNullable(switch (category) {
            case IDENTITY -> new CategoryTable("person", "person_id");
            case BORDER_CROSSINGS -> new CategoryTable("border_crossing", "crossing_id");
            case VEHICLES -> new CategoryTable("vehicle", "vehicle_id");
            case TELECOM -> new CategoryTable("phone_subscription", "subscription_id");
            case CCTV -> new CategoryTable("cctv_clip", "clip_id");
            case CRIMINAL_RECORD -> new CategoryTable("case_file", "case_id");
            case OTHER -> null;
        });
    }
}
