package org.gbx.client.records;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gbx.client.model.DataCategory;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads exactly the granted categories for the request's subjects from the force's own tables,
 * in a fixed order (category, then subject, then record id), so the same grant always yields the
 * same records in the same order.
 */
public final class RecordSelector {

    /** Local columns that mean nothing to the other force and are never delivered. */
    private static final Set<String> LOCAL_COLUMNS = Set.of("person_id", "file_name");
    /** Times are kept as local time of the force's region (UTC+8, no daylight saving). */
    static final ZoneId RECORDS_ZONE = ZoneId.of("Asia/Macau");

    private final RecordsDatabase database;

    public RecordSelector(RecordsDatabase database) {
        this.database = database;
    }

    public List<SourceRecord> select(Collection<Subject> subjects, Set<DataCategory> categories) {
        EnumSet<DataCategory> wanted = categories.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(categories);
        List<SourceRecord> records = new ArrayList<>();
        try (Connection connection = database.connect()) {
            List<String[]> people = findPeople(connection, subjects);
            for (DataCategory category : wanted) {
                Optional<CategoryTable> table = CategoryTable.of(category);
                if (table.isPresent()) {
                    for (String[] person : people) {
                        readRows(connection, category, table.get(), person, records);
                    }
                }
            }
        } catch (SQLException e) {
            throw new RecordsException("Reading records from " + database.describe() + " failed: " + e.getMessage(), e);
        }
        return records;
    }

    /** person_id, id_type, id_number of each subject on file, in the subjects' order. */
    private static List<String[]> findPeople(Connection connection, Collection<Subject> subjects) throws SQLException {
        List<String[]> people = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT person_id FROM person WHERE id_type = ? AND id_number = ?")) {
            for (Subject subject : subjects) {
                query.setString(1, subject.idType().name());
                query.setString(2, subject.idNumber());
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        people.add(new String[] {rows.getString(1), subject.idType().name(), subject.idNumber()});
                    }
                }
            }
        }
        return people;
    }

    private void readRows(Connection connection, DataCategory category, CategoryTable table, String[] person,
            List<SourceRecord> into) throws SQLException {
        String key = table.key();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM " + table.table() + " WHERE person_id = ? ORDER BY " + key)) {
            query.setString(1, person[0]);
            try (ResultSet rows = query.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    SortedMap<String, Object> fields = new TreeMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        String column = columns.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT);
                        if (!LOCAL_COLUMNS.contains(column) && !column.equals(key)) {
                            fields.put(column, portable(rows.getObject(c)));
                        }
                    }
                    Optional<SourceRecord.Clip> clip = category == DataCategory.CCTV
                            ? Optional.of(new SourceRecord.Clip(database.home().clips().resolve(rows.getString("file_name")),
                                    rows.getLong("size_bytes"), rows.getString("sha256")))
                            : Optional.empty();
                    Subject subject = new Subject(IdType.valueOf(person[1]), person[2]);
                    String recordId = rows.getString(key);
                    into.add(new SourceRecord(category, recordId, subject, fields, clip));
                }
            }
        }
    }

    /** JDBC values as JSON-safe values: text, whole numbers, ISO dates and zoned times, or null. */
    private static Object portable(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().atZone(RECORDS_ZONE).toOffsetDateTime().toString();
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return value.toString().strip();
    }
}
