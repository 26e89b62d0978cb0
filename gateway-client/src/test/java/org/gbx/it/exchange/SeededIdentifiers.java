package org.gbx.it.exchange;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.gbx.client.records.RecordsDatabase;

/**
 * Every personal identifier in a force's own records: names (native and Latin), identity
 * numbers, plates and phone numbers, as stored, plus phone numbers as bare digits (long enough
 * that a random run of digits in a hash cannot match by chance).
 */
final class SeededIdentifiers {

    private static final String[] QUERIES = {
        "SELECT id_number FROM person", "SELECT name_native FROM person", "SELECT name_latin FROM person",
        "SELECT macau_plate FROM vehicle", "SELECT mainland_plate FROM vehicle", "SELECT msisdn FROM phone_subscription",
    };

    private SeededIdentifiers() {
    }

    static Set<String> of(RecordsDatabase database) throws SQLException {
        Set<String> identifiers = new TreeSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        String value = rows.getString(1);
                        if (value != null && !value.isBlank()) {
                            identifiers.add(value);
                        }
                    }
                }
            }
        }
        for (String value : Set.copyOf(identifiers)) {
            if (value.startsWith("+")) {
                identifiers.add(value.replaceAll("\\D", ""));
            }
        }
        return identifiers;
    }
}
