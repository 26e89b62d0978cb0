package org.gbx.client.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.gbx.client.crypto.AesGcm;
import org.gbx.client.crypto.RequestKey;
import org.gbx.client.erasure.FileErasure;
import org.gbx.client.keystore.RequestKeyStore;

/**
 * What this force received from other forces, kept apart from its own records: the
 * {@code received_} tables and the {@code received/<request>} clip folder. Only verified packages
 * come in (the node checks them against the ledger first); destruction removes all of it.
 *
 * <p>Each record is sealed at rest (AES-256-GCM, request id and position as associated data)
 * under a key of its own request, kept in the node's {@link RequestKeyStore}: the database keeps a
 * deleted row's bytes for a long time (H2 appends pages; PostgreSQL keeps dead tuples and its WAL),
 * so a destroyed request's records are made unreadable by erasing that key, not by the
 * {@code DELETE}. Clips are overwritten before they are unlinked.
 */
public final class ReceivedStore {

    /** The label of the received-data key's commitment in the key store. */
    static final String KEY_LABEL = "gbx-received-data/1";

    /** A verified package as it enters the store. */
    public record Incoming(String requestId, String senderOrg, String packageHash, String merkleRoot, int recordCount,
            long sizeBytes, List<Item> items) {
    }

    /** One verified record; {@code clip} is the verified clip file in the spool, moved into the store. */
    public record Item(int position, String category, String recordId, String canonicalJson, Optional<Path> clip) {
    }

    /** A stored record, opened, as the node hands it to its officer. */
    public record StoredRecord(int position, String category, String recordId, String canonicalJson,
            Optional<Path> clip) {
    }

    /** The package stored for a request. */
    public record StoredPackage(String requestId, String packageHash, int recordCount) {
    }

    private final RecordsDatabase database;
    private final RequestKeyStore keys;

    public ReceivedStore(RecordsDatabase database, RequestKeyStore keys) {
        this.database = database;
        this.keys = keys;
    }

    /** The package hash stored for this request, if a package was stored. */
    public Optional<String> storedHash(String requestId) {
        return storedPackage(requestId).map(StoredPackage::packageHash);
    }

    public Optional<StoredPackage> storedPackage(String requestId) {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT package_hash, record_count FROM received_package WHERE request_id = ?")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new StoredPackage(requestId, rows.getString(1).strip(), rows.getInt(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * Moves the clips in, keeps a new key for the request, then writes every sealed row in one
     * transaction; on failure nothing remains (and the key is erased).
     */
    public void store(Incoming incoming, Instant receivedAt) {
        Path folder = database.home().received().resolve(incoming.requestId());
        RequestKey key = RequestKey.generate();
        RequestKeyStore.Entry entry = new RequestKeyStore.Entry(incoming.requestId(),
                RequestKeyStore.Purpose.RECEIVED_DATA, key.commitment(KEY_LABEL, incoming.requestId()),
                RequestKeyStore.State.CONFIRMED, incoming.senderOrg(), false, receivedAt);
        try {
            FileErasure.eraseTree(folder);
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
            keys.put(entry, key);
            insert(incoming, receivedAt, clipFiles, key);
        } catch (IOException | SQLException e) {
            try {
                keys.erase(entry);
                FileErasure.eraseTree(folder);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new RecordsException("The received package of request " + incoming.requestId()
                    + " could not be stored; nothing was kept: " + e.getMessage(), e);
        } finally {
            key.destroy();
        }
    }

    private void insert(Incoming incoming, Instant receivedAt, List<String> clipFiles, RequestKey key)
            throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement pkg = connection.prepareStatement(
                    "INSERT INTO received_package VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement record = connection.prepareStatement(
                            "INSERT INTO received_entry VALUES (?, ?, ?, ?, ?, ?)")) {
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
                    record.setString(5, seal(key, incoming.requestId(), item.position(), item.canonicalJson()));
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

    /** The request's received records, opened with its key; empty when nothing (or no key) is held. */
    public List<StoredRecord> records(String requestId) {
        Optional<RequestKey> key = keys.confirmedKey(requestId, RequestKeyStore.Purpose.RECEIVED_DATA);
        if (key.isEmpty()) {
            return List.of();
        }
        Path folder = database.home().received().resolve(requestId);
        List<StoredRecord> records = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT position, category, record_id, "
                        + "sealed_record, clip_file FROM received_entry WHERE request_id = ? ORDER BY position")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String clip = rows.getString(5);
                    int position = rows.getInt(1);
                    records.add(new StoredRecord(position, rows.getString(2), rows.getString(3),
                            open(key.get(), requestId, position, rows.getString(4)),
                            Optional.ofNullable(clip).map(folder::resolve)));
                }
            }
        } catch (SQLException e) {
            throw failure("read", e);
        } finally {
            key.get().destroy();
        }
        return records;
    }

    /** Keeps the force's own trace of an access the ledger accepted (once per access). */
    public void logAccess(String requestId, int sequence, Instant accessedAt, String officer, String transactionId) {
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO access_log SELECT ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM access_log WHERE request_id = ? AND sequence = ?)")) {
            insert.setString(1, requestId);
            insert.setInt(2, sequence);
            insert.setTimestamp(3, Timestamp.from(accessedAt));
            insert.setString(4, officer);
            insert.setString(5, transactionId);
            insert.setString(6, requestId);
            insert.setInt(7, sequence);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("log the access to", e);
        }
    }

    /**
     * Destroys the request's received data: the rows are deleted, the key that opens them erased,
     * the clips overwritten and unlinked. True when there was anything to destroy.
     */
    public boolean destroy(String requestId) {
        Path folder = database.home().received().resolve(requestId);
        try (Connection connection = database.connect();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM received_package WHERE request_id = ?")) {
            connection.setAutoCommit(false);
            try (PreparedStatement records = connection.prepareStatement(
                    "DELETE FROM received_entry WHERE request_id = ?")) {
                records.setString(1, requestId);
                records.executeUpdate();
            }
            delete.setString(1, requestId);
            boolean existed = delete.executeUpdate() > 0;
            connection.commit();
            boolean hadKey = false;
            for (RequestKeyStore.Entry entry : keys.entries(requestId)) {
                if (entry.purpose() == RequestKeyStore.Purpose.RECEIVED_DATA) {
                    hadKey |= keys.erase(entry);
                }
            }
            boolean hadFiles = Files.exists(folder);
            FileErasure.eraseTree(folder);
            return existed || hadKey || hadFiles;
        } catch (SQLException | IOException e) {
            throw new RecordsException("The received data of request " + requestId + " could not be deleted: "
                    + e.getMessage(), e);
        }
    }

    private static String seal(RequestKey key, String requestId, int position, String canonicalJson) {
        AesGcm.Sealed sealed = AesGcm.seal(key, associatedData(requestId, position),
                canonicalJson.getBytes(StandardCharsets.UTF_8));
        byte[] joined = Arrays.copyOf(sealed.nonce(), AesGcm.NONCE_BYTES + sealed.ciphertext().length);
        System.arraycopy(sealed.ciphertext(), 0, joined, AesGcm.NONCE_BYTES, sealed.ciphertext().length);
        return Base64.getEncoder().encodeToString(joined);
    }

    private static String open(RequestKey key, String requestId, int position, String stored) {
        byte[] joined = Base64.getDecoder().decode(stored);
        return new String(AesGcm.open(key, associatedData(requestId, position), new AesGcm.Sealed(
                Arrays.copyOf(joined, AesGcm.NONCE_BYTES), Arrays.copyOfRange(joined, AesGcm.NONCE_BYTES, joined.length))),
                StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String requestId, int position) {
        return (KEY_LABEL + "|" + requestId + "|" + position).getBytes(StandardCharsets.UTF_8);
    }

    private RecordsException failure(String action, SQLException e) {
        return new RecordsException("Cannot " + action + " the received-data store in " + database.describe() + ": "
                + e.getMessage(), e);
    }
}
