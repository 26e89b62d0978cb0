package org.gbx.client.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gbx.client.model.DataCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsSeederTest {

    @TempDir
    Path dir;

    private RecordsDatabase seeded(String folder, long seed) {
        RecordsDatabase database = RecordsDatabase.embedded(new DataHome(dir.resolve(folder)));
        new RecordsSeeder(database).seed(new SeedPlan("zhuhai", IdType.MAINLAND_RIC, 60, 4096, seed), done -> { });
        return database;
    }

    @Test
    void the_same_seed_writes_the_same_rows_and_clip_bytes() throws Exception {
        RecordsDatabase first = seeded("a", 42);
        RecordsDatabase second = seeded("b", 42);
        for (String table : List.of("person", "border_crossing", "vehicle", "phone_subscription", "case_file", "cctv_clip")) {
            assertThat(dump(second, table)).as(table).isEqualTo(dump(first, table)).isNotEmpty();
        }
        try (var clips = Files.list(first.home().clips())) {
            for (Path clip : clips.toList()) {
                assertThat(Files.mismatch(clip, second.home().clips().resolve(clip.getFileName()))).isEqualTo(-1);
            }
        }
    }

    @Test
    void another_seed_writes_other_people() throws Exception {
        assertThat(dump(seeded("c", 2), "person")).isNotEqualTo(dump(seeded("d", 3), "person"));
    }

    @Test
    void identity_numbers_plates_and_phones_have_the_forces_formats() throws Exception {
        RecordsDatabase database = seeded("e", 5);
        for (List<String> person : rows(database, "SELECT id_type, id_number FROM person")) {
            boolean valid = person.get(0).equals("MACAU_BIR") ? MacauIdNumber.isValid(person.get(1))
                    : MainlandIdNumber.isValid(person.get(1));
            assertThat(valid).as(person.get(1)).isTrue();
        }
        for (List<String> vehicle : rows(database, "SELECT macau_plate, mainland_plate FROM vehicle")) {
            if (vehicle.get(0) != null) {
                assertThat(vehicle.get(0)).matches("M[A-Z]-\\d{2}-\\d{2}");
                assertThat(vehicle.get(1)).matches("粤Z·[A-Z]\\d{3}澳");
            } else {
                assertThat(vehicle.get(1)).matches("粤C·[A-Z]\\d{4}");
            }
        }
        assertThat(rows(database, "SELECT msisdn FROM phone_subscription"))
                .allSatisfy(row -> assertThat(row.get(0)).matches("\\+853 6\\d{3} \\d{4}|\\+86 1[3-9]\\d \\d{4} \\d{4}"));
        assertThat(rows(database, "SELECT DISTINCT port FROM border_crossing"))
                .allSatisfy(row -> assertThat(RecordsSeeder.PORTS).contains(row.get(0)));
    }

    @Test
    void the_selector_returns_only_the_asked_categories_of_the_asked_subject() throws Exception {
        RecordsDatabase database = seeded("f", 9);
        List<String> person = rows(database,
                "SELECT p.id_type, p.id_number FROM person p WHERE EXISTS (SELECT 1 FROM vehicle v WHERE v.person_id = p.person_id)"
                        + " AND EXISTS (SELECT 1 FROM border_crossing b WHERE b.person_id = p.person_id) ORDER BY p.person_id").get(0);
        Subject subject = new Subject(IdType.valueOf(person.get(0)), person.get(1));

        List<SourceRecord> records = new RecordSelector(database)
                .select(List.of(subject), EnumSet.of(DataCategory.VEHICLES, DataCategory.BORDER_CROSSINGS));

        assertThat(records).extracting(SourceRecord::category)
                .containsOnly(DataCategory.BORDER_CROSSINGS, DataCategory.VEHICLES)
                .isSortedAccordingTo(Enum::compareTo);
        assertThat(records).allSatisfy(r -> assertThat(r.subject()).isEqualTo(subject));
        assertThat(records).allSatisfy(r -> assertThat(r.fields()).doesNotContainKeys("person_id", "file_name"));
        assertThat(new RecordSelector(database).select(List.of(subject), Set.of(DataCategory.OTHER))).isEmpty();
    }

    private static List<List<String>> rows(RecordsDatabase database, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<String>> dump(RecordsDatabase database, String table) throws SQLException {
        return rows(database, "SELECT * FROM " + table + " ORDER BY 1");
    }
}
