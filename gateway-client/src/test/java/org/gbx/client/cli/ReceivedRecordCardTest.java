package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gbx.client.delivery.CanonicalJson;
import org.gbx.client.model.DataCategory;
import org.gbx.client.nodeapi.ReceivedRecord;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.IdType;
import org.gbx.client.records.RecordSelector;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.SeedPlan;
import org.gbx.client.records.SourceRecord;
import org.gbx.client.records.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** What {@code gbx access} shows an officer: every field of every category labelled in the officer's language. */
class ReceivedRecordCardTest {

    /** Field names that stay as they are in every language. */
    private static final Set<String> UNTRANSLATED = Set.of("SHA-256");

    @TempDir
    static Path dir;
    static List<SourceRecord> records;

    @BeforeAll
    static void seed() throws Exception {
        records = everyCategoryOfOnePerson();
    }

    private static List<SourceRecord> everyCategoryOfOnePerson() throws Exception {
        RecordsDatabase database = RecordsDatabase.embedded(new DataHome(dir.resolve("zhuhai")));
        new RecordsSeeder(database).seed(new SeedPlan("zhuhai", IdType.MAINLAND_RIC, 80, 16, 5), n -> { });
        RecordSelector selector = new RecordSelector(database);
        try (var connection = database.connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT p.id_type, p.id_number FROM person p WHERE"
                        + " EXISTS (SELECT 1 FROM border_crossing t WHERE t.person_id = p.person_id)"
                        + " AND EXISTS (SELECT 1 FROM vehicle t WHERE t.person_id = p.person_id)"
                        + " AND EXISTS (SELECT 1 FROM phone_subscription t WHERE t.person_id = p.person_id)"
                        + " AND EXISTS (SELECT 1 FROM case_file t WHERE t.person_id = p.person_id)"
                        + " AND EXISTS (SELECT 1 FROM cctv_clip t WHERE t.person_id = p.person_id)")) {
            assertThat(rows.next()).as("a seeded person with records in every table").isTrue();
            Subject subject = new Subject(IdType.valueOf(rows.getString(1)), rows.getString(2));
            return selector.select(List.of(subject), EnumSet.allOf(DataCategory.class));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-Hant", "zh-Hans"})
    void every_field_of_every_category_has_a_label_and_no_record_is_shown_as_json(String language) {
        assertThat(records).extracting(SourceRecord::category).contains(DataCategory.IDENTITY, DataCategory.CCTV,
                DataCategory.CRIMINAL_RECORD);
        ReceivedRecordCard cards = new ReceivedRecordCard(new Messages(Locale.forLanguageTag(language)));

        for (int i = 0; i < records.size(); i++) {
            SourceRecord source = records.get(i);
            ReceivedRecord received = new ReceivedRecord(i, source.category().name(), source.recordId(),
                    new String(CanonicalJson.bytes(source.toJsonTree()), StandardCharsets.UTF_8), null);
            Map<String, String> fields = cards.fields(received);
            assertThat(cards.heading(received, records.size())).contains(source.recordId()).doesNotContain("{");
            assertThat(fields).hasSize(source.fields().size() + 1);
            for (String field : source.fields().keySet()) {
                assertThat(fields.keySet()).as("%s in %s", field, language).noneMatch(label -> label.strip().equals(field));
            }
            if (!language.equals("en")) {
                assertThat(fields.keySet()).as(language).allSatisfy(label -> assertThat(
                        UNTRANSLATED.contains(label.strip()) || !label.strip().matches(".*[A-Za-z]{3,}.*")).isTrue());
            }
            assertThat(fields.values()).noneMatch(value -> value.startsWith("{"));
        }
    }
}
