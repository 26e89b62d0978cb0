package org.gbx.client.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What this force received from other forces, kept apart from its own records: the
 * {@code received_} tables and the {@code received/<request>} clip folder. Only verified packages
 * come in (the node checks them against the ledger first); destruction removes all of it.
 */
public final class ReceivedStore {

    /** A verified package as it enters the store. */
    public record Incoming(String requestId, String senderOrg, String packageHash, String merkleRoot, int recordCount,
            long sizeBytes, List<Item> items) {
    }

    /** One verified record; {@code clip} is the verified clip file in the spool, moved into the store. */
    public record Item(int position, String category, String recordId, String canonicalJson, Optional<Path> clip) {
    }

    /** A stored record, as {@code gbx access} shows it. */
    public record StoredRecord(int position, String category, String recordId, String canonicalJson,
            Optional<Path> clip) {
    }

    private final RecordsDatabase database;

    public ReceivedStore(RecordsDatabase database) {
        this.database = database;
    }

    /** The package hash stored for this request, if a package was stored. */
    public Optional<String> storedHash(String requestId) {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT package_hash FROM received_package WHERE request_id = ?")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1).strip()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Moves the clips in, then writes every row in one transaction; on failure nothing remains. */
    public void store(Incoming incoming, Instant receivedAt) {
        Path folder = database.home().received().resolve(incoming.requestId());
        try {
            deleteFolder(folder);
            Files.createDirectories(folder);
            List<String> clipFiles = new ArrayList<>();
            for (Item item : incoming.items()) {
                if (item.clip().isPresent()) {
                    Path target = folder.resolve(item.position() + ".bin");
                    Files.move(item.clip().get(), target, StandardCopyOption.REPLACE_EXISTING);
                    clipFiles.add(target.getFileName().toString());
                } else {
                    clipFiles.add(null);
                }
            }
            insert(incoming, receivedAt, clipFiles);
        } catch (IOException | SQLException e) {
            try {
                deleteFolder(folder);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new RecordsException("The received package of request " + incoming.requestId()
                    + " could not be stored; nothing was kept: " + e.getMessage(), e);
        }
    }

    private void insert(Incoming incoming, Instant receivedAt, List<String> clipFiles) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement pkg = connection.prepareStatement(
                    "INSERT INTO received_package VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement record = connection.prepareStatement(
                            "INSERT INTO received_record VALUES (?, ?, ?, ?, ?, ?)")) {
                pkg.setString(1, incoming.requestId());
                pkg.setString(2, incoming.senderOrg());
                pkg.setString(3, incoming.packageHash());
                pkg.setString(4, incoming.merkleRoot());
                pkg.setInt(5, incoming.recordCount());
                pkg.setLong(6, incoming.sizeBytes());
                pkg.setTimestamp(7, Timestamp.from(receivedAt));
                pkg.executeUpdate();
                for (int i = 0; i < incoming.items().size(); i++) {
                    Item item = incoming.items().get(i);
                    record.setString(1, incoming.requestId());
                    record.setInt(2, item.position());
                    record.setString(3, item.category());
                    record.setString(4, item.recordId());
                    record.setString(5, item.canonicalJson());
                    record.setString(6, clipFiles.get(i));
                    record.addBatch();
                }
                record.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public List<StoredRecord> records(String requestId) {
        Path folder = database.home().received().resolve(requestId);
        List<StoredRecord> records = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT position, category, record_id, "
                        + "canonical_json, clip_file FROM received_record WHERE request_id = ? ORDER BY position")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String clip = rows.getString(5);
                    records.add(new StoredRecord(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            Optional.ofNullable(clip).map(folder::resolve)));
                }
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return records;
    }

    /** Keeps the force's own trace of an access the ledger accepted. */
    public void logAccess(String requestId, int sequence, Instant accessedAt, String officer, String transactionId) {
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO access_log VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, requestId);
            insert.setInt(2, sequence);
            insert.setTimestamp(3, Timestamp.from(accessedAt));
            insert.setString(4, officer);
            insert.setString(5, transactionId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("log the access to", e);
        }
    }

    /** Deletes the request's received records and clips; true when there was anything to delete. */
    public boolean destroy(String requestId) {
        Path folder = database.home().received().resolve(requestId);
        try (Connection connection = database.connect();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM received_package WHERE request_id = ?")) {
            connection.setAutoCommit(false);
            try (PreparedStatement records = connection.prepareStatement(
                    "DELETE FROM received_record WHERE request_id = ?")) {
                records.setString(1, requestId);
                records.executeUpdate();
            }
            delete.setString(1, requestId);
            boolean existed = delete.executeUpdate() > 0;
            connection.commit();
            boolean hadFiles = Files.exists(folder);
            deleteFolder(folder);
            return existed || hadFiles;
        } catch (SQLException | IOException e) {
            throw new RecordsException("The received data of request " + requestId + " could not be deleted: "
                    + e.getMessage(), e);
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private RecordsException failure(String action, SQLException e) {
        return new RecordsException("Cannot " + action + " the received-data store in " + database.describe() + ": "
                + e.getMessage(), e);
    }
}
