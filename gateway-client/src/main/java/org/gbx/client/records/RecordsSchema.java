package org.gbx.client.records;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a force's database, in SQL that H2 and PostgreSQL both accept. The force's own
 * records and what it received from other forces live in separate tables (the {@code received_}
 * ones), so received data can never be mistaken for, or delivered as, the force's own. Layout in
 * docs/exchange.md.
 */
final class RecordsSchema {

    private static final List<String> OWN_RECORDS = List.of("""
            CREATE TABLE IF NOT EXISTS person (
              person_id VARCHAR(32) PRIMARY KEY,
              id_type VARCHAR(16) NOT NULL,
              id_number VARCHAR(32) NOT NULL,
              name_native VARCHAR(64) NOT NULL,
              name_latin VARCHAR(128) NOT NULL,
              sex CHAR(1) NOT NULL,
              birth_date DATE NOT NULL,
              residence VARCHAR(64) NOT NULL,
              UNIQUE (id_type, id_number))""", """
            CREATE TABLE IF NOT EXISTS border_crossing (
              crossing_id VARCHAR(32) PRIMARY KEY,
              person_id VARCHAR(32) NOT NULL REFERENCES person (person_id),
              port VARCHAR(32) NOT NULL,
              direction VARCHAR(8) NOT NULL,
              crossed_at TIMESTAMP NOT NULL,
              travel_document VARCHAR(32) NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS border_crossing_person ON border_crossing (person_id)", """
            CREATE TABLE IF NOT EXISTS vehicle (
              vehicle_id VARCHAR(32) PRIMARY KEY,
              person_id VARCHAR(32) NOT NULL REFERENCES person (person_id),
              macau_plate VARCHAR(16),
              mainland_plate VARCHAR(16),
              make VARCHAR(32) NOT NULL,
              colour VARCHAR(16) NOT NULL,
              registered_on DATE NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS vehicle_person ON vehicle (person_id)", """
            CREATE TABLE IF NOT EXISTS phone_subscription (
              subscription_id VARCHAR(32) PRIMARY KEY,
              person_id VARCHAR(32) NOT NULL REFERENCES person (person_id),
              msisdn VARCHAR(20) NOT NULL,
              operator VARCHAR(32) NOT NULL,
              activated_on DATE NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS phone_subscription_person ON phone_subscription (person_id)", """
            CREATE TABLE IF NOT EXISTS case_file (
              case_id VARCHAR(32) PRIMARY KEY,
              person_id VARCHAR(32) NOT NULL REFERENCES person (person_id),
              case_number VARCHAR(32) NOT NULL,
              offence VARCHAR(64) NOT NULL,
              opened_on DATE NOT NULL,
              status VARCHAR(16) NOT NULL,
              summary VARCHAR(1000) NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS case_file_person ON case_file (person_id)", """
            CREATE TABLE IF NOT EXISTS cctv_clip (
              clip_id VARCHAR(32) PRIMARY KEY,
              person_id VARCHAR(32) NOT NULL REFERENCES person (person_id),
              location VARCHAR(64) NOT NULL,
              recorded_at TIMESTAMP NOT NULL,
              size_bytes BIGINT NOT NULL,
              sha256 CHAR(64) NOT NULL,
              file_name VARCHAR(128) NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS cctv_clip_person ON cctv_clip (person_id)");

    private static final List<String> RECEIVED = List.of("""
            CREATE TABLE IF NOT EXISTS received_package (
              request_id VARCHAR(64) PRIMARY KEY,
              sender_org VARCHAR(64) NOT NULL,
              package_hash CHAR(64) NOT NULL,
              merkle_root CHAR(64) NOT NULL,
              record_count INTEGER NOT NULL,
              size_bytes BIGINT NOT NULL,
              received_at TIMESTAMP NOT NULL)""", """
            CREATE TABLE IF NOT EXISTS received_entry (
              request_id VARCHAR(64) NOT NULL REFERENCES received_package (request_id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              category VARCHAR(32) NOT NULL,
              record_id VARCHAR(64) NOT NULL,
              sealed_record VARCHAR(140000) NOT NULL,
              clip_file VARCHAR(256),
              PRIMARY KEY (request_id, position))""", """
            CREATE TABLE IF NOT EXISTS access_log (
              request_id VARCHAR(64) NOT NULL,
              sequence INTEGER NOT NULL,
              accessed_at TIMESTAMP NOT NULL,
              officer CHAR(64) NOT NULL,
              transaction_id VARCHAR(128) NOT NULL,
              PRIMARY KEY (request_id, sequence))""");

    private RecordsSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Records received before they were sealed at rest; the exchange never reads them again.
            statement.execute("DROP TABLE IF EXISTS received_record");
            for (String ddl : OWN_RECORDS) {
                statement.execute(ddl);
            }
            for (String ddl : RECEIVED) {
                statement.execute(ddl);
            }
        }
    }
}
