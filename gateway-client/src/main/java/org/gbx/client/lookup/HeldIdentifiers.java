package org.gbx.client.lookup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gbx.client.model.DataCategory;
import org.gbx.client.records.IdType;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsException;

/**
 * Every identifier in a force's own records (identity documents, plates, phone numbers), each in
 * canonical form with the counts of what the force holds on its person. Received data is never
 * read: a force answers only for its own records. Values that are not valid identifiers of their
 * type are skipped (and counted), never guessed at.
 */
public final class HeldIdentifiers {

    /** What was read, and how many values did not parse as identifiers. */
    public record Reading(List<HeldIdentifier> identifiers, int skipped) {
    }

    private static final String COUNTS = """
            SELECT p.person_id, p.id_type, p.id_number,
              (SELECT COUNT(*) FROM border_crossing x WHERE x.person_id = p.person_id),
              (SELECT COUNT(*) FROM vehicle v WHERE v.person_id = p.person_id),
              (SELECT COUNT(*) FROM phone_subscription t WHERE t.person_id = p.person_id),
              (SELECT COUNT(*) FROM cctv_clip k WHERE k.person_id = p.person_id),
              (SELECT COUNT(*) FROM case_file c WHERE c.person_id = p.person_id)
            FROM person p""";

    private final RecordsDatabase database;

    public HeldIdentifiers(RecordsDatabase database) {
        this.database = database;
    }

    public Reading read() {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            Map<String, ReferenceData> byPerson = new HashMap<>();
            Map<Identifier, ReferenceData> held = new LinkedHashMap<>();
            int[] skipped = {0};
            try (ResultSet rows = statement.executeQuery(COUNTS)) {
                while (rows.next()) {
                    EnumMap<DataCategory, Integer> counts = new EnumMap<>(DataCategory.class);
                    counts.put(DataCategory.IDENTITY, 1);
                    counts.put(DataCategory.BORDER_CROSSINGS, rows.getInt(4));
                    counts.put(DataCategory.VEHICLES, rows.getInt(5));
                    counts.put(DataCategory.TELECOM, rows.getInt(6));
                    counts.put(DataCategory.CCTV, rows.getInt(7));
                    counts.put(DataCategory.CRIMINAL_RECORD, rows.getInt(8));
                    ReferenceData reference = new ReferenceData(counts);
                    byPerson.put(rows.getString(1), reference);
                    IdentifierType type = switch (IdType.valueOf(rows.getString(2))) {
                        case MACAU_BIR -> IdentifierType.MACAU_ID;
                        case MAINLAND_RIC -> IdentifierType.MAINLAND_ID;
                        case HONG_KONG_ID -> IdentifierType.HONG_KONG_ID;
                    };
                    add(held, type, rows.getString(3), reference, skipped);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT person_id, macau_plate, mainland_plate FROM vehicle")) {
                while (rows.next()) {
                    ReferenceData reference = byPerson.get(rows.getString(1));
                    add(held, IdentifierType.PLATE, rows.getString(2), reference, skipped);
                    add(held, IdentifierType.PLATE, rows.getString(3), reference, skipped);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT person_id, msisdn FROM phone_subscription")) {
                while (rows.next()) {
                    add(held, IdentifierType.PHONE, rows.getString(2), byPerson.get(rows.getString(1)), skipped);
                }
            }
            List<HeldIdentifier> identifiers = new ArrayList<>(held.size());
            held.forEach((identifier, reference) -> identifiers.add(new HeldIdentifier(identifier, reference)));
            return new Reading(identifiers, skipped[0]);
        } catch (SQLException e) {
            throw new RecordsException("Reading the identifiers of " + database.describe() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static void add(Map<Identifier, ReferenceData> held, IdentifierType type, String value,
            ReferenceData reference, int[] skipped) {
        if (value == null || reference == null) {
            return;
        }
        try {
            held.merge(type.identifier(value), reference, ReferenceData::merge);
        } catch (InvalidIdentifierException e) {
            skipped[0]++;
        }
    }
}
