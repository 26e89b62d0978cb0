package org.gbx.client.records;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Fills a force's own tables with synthetic, deterministic records: the same plan always writes
 * the same rows and clip bytes. Replaces whatever own records were there; never touches the
 * received store.
 */
public final class RecordsSeeder {

    /** What was written, for the officer's summary. */
    public record SeedSummary(int persons, int crossings, int vehicles, int phones, int cases, int clips,
            long clipBytes) {
    }

    static final List<String> PORTS = List.of("GONGBEI", "HENGQIN", "HZMB_ZHUHAI", "HZMB_MACAU", "QINGMAO");
    private static final String[] MAKES = {"Toyota", "Honda", "BYD", "Tesla", "Mercedes-Benz", "Nissan"};
    private static final String[] COLOURS = {"white", "black", "silver", "red", "blue"};
    private static final String[] OFFENCES = {"fraud", "money laundering", "smuggling", "illegal gambling",
        "telecom scam", "theft"};
    private static final String[] LOCATIONS = {"Gongbei port hall", "Hengqin port plaza", "HZMB Zhuhai toll",
        "Avenida de Almeida Ribeiro", "Lotus Bridge approach"};
    private static final LocalDateTime EPOCH = LocalDateTime.of(2025, 1, 1, 0, 0);
    private static final int BATCH = 500;

    private final RecordsDatabase database;
    private final ClipStore clips;

    public RecordsSeeder(RecordsDatabase database) {
        this.database = database;
        this.clips = new ClipStore(database.home().clips());
    }

    /** @param progress told the number of persons written so far, every batch */
    public SeedSummary seed(SeedPlan plan, IntConsumer progress) {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            clearOwnRecords(connection);
            clips.deleteAll();
            SeedSummary summary = write(connection, plan, progress);
            connection.commit();
            return summary;
        } catch (SQLException e) {
            throw new RecordsException("Seeding " + database.describe() + " failed: " + e.getMessage(), e);
        }
    }

    private static void clearOwnRecords(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("cctv_clip", "case_file", "phone_subscription", "vehicle",
                    "border_crossing", "person")) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    private SeedSummary write(Connection connection, SeedPlan plan, IntConsumer progress) throws SQLException {
        SplittableRandom random = new SplittableRandom(plan.generatorSeed());
        SyntheticPeople people = new SyntheticPeople(random);
        String prefix = plan.orgKey().toUpperCase(java.util.Locale.ROOT);
        int crossings = 0;
        int vehicles = 0;
        int phones = 0;
        int cases = 0;
        int clipCount = 0;
        long clipBytes = 0;
        try (Inserts insert = new Inserts(connection)) {
            for (int p = 1; p <= plan.persons(); p++) {
                String personId = String.format("%s-P%07d", prefix, p);
                IdType idType = random.nextInt(10) < 7 ? plan.homeJurisdiction() : other(plan.homeJurisdiction());
                char sex = random.nextBoolean() ? 'M' : 'F';
                LocalDate birth = people.birthDate();
                SyntheticPeople.Name name = people.name(idType);
                insert.person(personId, idType, people.idNumber(idType, birth, sex), name, sex, birth,
                        idType == IdType.MACAU_BIR ? "Macau" : "Zhuhai");
                int n = random.nextInt(7);
                for (int c = 0; c < n; c++) {
                    insert.crossing(personId + "-X" + c, personId, people.pick(PORTS.toArray(String[]::new)),
                            random.nextBoolean() ? "ENTRY" : "EXIT", EPOCH.plusMinutes(random.nextInt(525_600)),
                            idType == IdType.MACAU_BIR ? "MACAU_BIR" : "MAINLAND_PERMIT");
                }
                crossings += n;
                n = random.nextInt(3);
                for (int v = 0; v < n; v++) {
                    boolean macauCar = idType == IdType.MACAU_BIR;
                    insert.vehicle(personId + "-V" + v, personId, macauCar ? people.macauPlate() : null,
                            macauCar ? people.crossBorderPlate() : people.zhuhaiPlate(), people.pick(MAKES),
                            people.pick(COLOURS), LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650)));
                }
                vehicles += n;
                n = 1 + random.nextInt(2);
                for (int t = 0; t < n; t++) {
                    insert.phone(personId + "-T" + t, personId, people.msisdn(idType), people.operator(idType),
                            LocalDate.of(2010, 1, 1).plusDays(random.nextInt(5000)));
                }
                phones += n;
                if (random.nextInt(4) == 0) {
                    String offence = people.pick(OFFENCES);
                    insert.caseFile(personId + "-C0", personId, String.format("%s/%07d/2025", prefix, p), offence,
                            EPOCH.toLocalDate().plusDays(random.nextInt(300)), random.nextBoolean() ? "OPEN" : "CLOSED",
                            "Synthetic case file: suspected " + offence + " involving cross-border movements.");
                    cases++;
                }
                if (random.nextInt(5) == 0) {
                    String clipId = personId + "-K0";
                    ClipStore.StoredClip clip = clips.write(clipId + ".bin",
                            new SyntheticClip(random.nextLong(), plan.clipBytes()));
                    insert.clip(clipId, personId, people.pick(LOCATIONS), EPOCH.plusMinutes(random.nextInt(525_600)), clip);
                    clipCount++;
                    clipBytes += clip.sizeBytes();
                }
                if (p % BATCH == 0 || p == plan.persons()) {
                    insert.flush();
                    progress.accept(p);
                }
            }
        }
        return new SeedSummary(plan.persons(), crossings, vehicles, phones, cases, clipCount, clipBytes);
    }

    private static IdType other(IdType home) {
        return home == IdType.MACAU_BIR ? IdType.MAINLAND_RIC : IdType.MACAU_BIR;
    }

    /** The prepared inserts of one seeding run, flushed as JDBC batches. */
    private static final class Inserts implements AutoCloseable {
        private final List<PreparedStatement> all;
        private final PreparedStatement person;
        private final PreparedStatement crossing;
        private final PreparedStatement vehicle;
        private final PreparedStatement phone;
        private final PreparedStatement caseFile;
        private final PreparedStatement clip;

        Inserts(Connection c) throws SQLException {
            person = c.prepareStatement("INSERT INTO person VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            crossing = c.prepareStatement("INSERT INTO border_crossing VALUES (?, ?, ?, ?, ?, ?)");
            vehicle = c.prepareStatement("INSERT INTO vehicle VALUES (?, ?, ?, ?, ?, ?, ?)");
            phone = c.prepareStatement("INSERT INTO phone_subscription VALUES (?, ?, ?, ?, ?)");
            caseFile = c.prepareStatement("INSERT INTO case_file VALUES (?, ?, ?, ?, ?, ?, ?)");
            clip = c.prepareStatement("INSERT INTO cctv_clip VALUES (?, ?, ?, ?, ?, ?, ?)");
            // parents first, so a flush never inserts a child before its person
            all = List.of(person, crossing, vehicle, phone, caseFile, clip);
        }

        void person(String id, IdType type, String number, SyntheticPeople.Name name, char sex, LocalDate birth,
                String residence) throws SQLException {
            add(person, id, type.name(), number, name.nativeName(), name.latinName(), String.valueOf(sex),
                    Date.valueOf(birth), residence);
        }

        void crossing(String id, String personId, String port, String direction, LocalDateTime at, String document)
                throws SQLException {
            add(crossing, id, personId, port, direction, Timestamp.valueOf(at), document);
        }

        void vehicle(String id, String personId, String macauPlate, String mainlandPlate, String make, String colour,
                LocalDate registered) throws SQLException {
            add(vehicle, id, personId, macauPlate, mainlandPlate, make, colour, Date.valueOf(registered));
        }

        void phone(String id, String personId, String msisdn, String operator, LocalDate activated) throws SQLException {
            add(phone, id, personId, msisdn, operator, Date.valueOf(activated));
        }

        void caseFile(String id, String personId, String number, String offence, LocalDate opened, String status,
                String summary) throws SQLException {
            add(caseFile, id, personId, number, offence, Date.valueOf(opened), status, summary);
        }

        void clip(String id, String personId, String location, LocalDateTime at, ClipStore.StoredClip stored)
                throws SQLException {
            add(clip, id, personId, location, Timestamp.valueOf(at), stored.sizeBytes(), stored.sha256(),
                    stored.fileName());
        }

        private static void add(PreparedStatement statement, Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
        }

        void flush() throws SQLException {
            for (PreparedStatement statement : all) {
                statement.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : all) {
                statement.close();
            }
        }
    }
}
