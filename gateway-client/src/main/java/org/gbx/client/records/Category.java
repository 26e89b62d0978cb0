package org.gbx.client.records;

/**
 * The data categories a request names (docs/ledger.md), each tied to the table of the force's own
 * database it is read from. {@code OTHER} has no table: nothing is delivered for it.
 */
public enum Category {
    IDENTITY("person", "person_id"),
    BORDER_CROSSINGS("border_crossing", "crossing_id"),
    VEHICLES("vehicle", "vehicle_id"),
    TELECOM("phone_subscription", "subscription_id"),
    CCTV("cctv_clip", "clip_id"),
    CRIMINAL_RECORD("case_file", "case_id"),
    OTHER(null, null);

    private final String table;
    private final String key;

    Category(String table, String key) {
        this.table = table;
        this.key = key;
    }

    /** The primary key column of {@link #table()}: the record's local id. */
    String key() {
        return key;
    }

    /** The own-records table holding this category, or null when the category has none. */
    String table() {
        return table;
    }
}
