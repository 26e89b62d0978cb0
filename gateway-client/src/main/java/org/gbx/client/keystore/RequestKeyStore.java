package org.gbx.client.keystore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gbx.client.crypto.AesGcm;
import org.gbx.client.crypto.RequestKey;
import org.gbx.client.crypto.SealBrokenException;
import org.gbx.client.erasure.FileErasure;

/**
 * The exchange node's keys of live requests, kept so that erasing one really destroys it.
 *
 * <p>A database cannot erase: H2 appends changed pages and keeps a deleted row's bytes in the file
 * until the space happens to be reused, and PostgreSQL keeps dead tuples until a vacuum and every
 * change in its write-ahead log. So the keys live in a folder of their own: {@code keys-N.json}
 * holds every live key wrapped (AES-256-GCM) under a key-encryption key {@code kek-N}, 32 random
 * bytes in a file of their own. <b>Every change writes generation N+1 under a new KEK and then
 * erases {@code kek-N} in place</b> ({@link FileErasure}). A key that was erased was only ever on
 * disk wrapped under KEKs that are now gone, wherever stale copies of old {@code keys-*} files
 * lie; the one secret whose bytes must really be destroyed is 32 bytes in one file, per change.
 *
 * <p>Crash safety: the new KEK is written and synced, then the new key file, then the old pair is
 * erased; on opening, the newest complete pair wins and every other file is erased. A change is
 * durable when its method returns.
 */
public final class RequestKeyStore {

    /** What a key opens. */
    public enum Purpose { CASE_DETAILS, RECEIVED_DATA }

    /** A key handed over before its request was seen on the ledger is PENDING until it is matched. */
    public enum State { PENDING, CONFIRMED }

    /**
     * What the store knows about a key besides the key itself.
     *
     * @param commitment the key's commitment (for case details, the one the sealed envelope names)
     * @param givenBy the MSP id whose officer or node handed the key over
     * @param sharedWithTarget for a requester's case-details key: the target force's node acknowledged it
     */
    public record Entry(String requestId, Purpose purpose, String commitment, State state, String givenBy,
            boolean sharedWithTarget, Instant storedAt) {

        public Entry confirmed() {
            return new Entry(requestId, purpose, commitment, State.CONFIRMED, givenBy, sharedWithTarget, storedAt);
        }

        public Entry shared() {
            return new Entry(requestId, purpose, commitment, state, givenBy, true, storedAt);
        }

        String slot() {
            return requestId + "|" + purpose + "|" + commitment;
        }
    }

    private record Slot(Entry entry, RequestKey key) {
    }

    /** One entry as written to {@code keys-N.json}: the key wrapped under that generation's KEK. */
    private record StoredEntry(String requestId, Purpose purpose, String commitment, State state, String givenBy,
            boolean sharedWithTarget, Instant storedAt, String nonce, String wrappedKey) {
    }

    private record StoredKeys(String format, long generation, List<StoredEntry> entries) {
    }

    private static final String FORMAT = "gbx-key-store/1";
    private static final Pattern FILE = Pattern.compile("(kek|keys)-(\\d+)(\\.json)?");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path folder;
    private Map<String, Slot> slots;
    private long generation;
    private RequestKey kek;

    private RequestKeyStore(Path folder, Map<String, Slot> slots, long generation, RequestKey kek) {
        this.folder = folder;
        this.slots = slots;
        this.generation = generation;
        this.kek = kek;
    }

    /** Opens (or creates) the store in {@code folder}, recovering from a change cut short by a crash. */
    public static RequestKeyStore open(Path folder) throws IOException {
        createPrivateFolder(folder);
        TreeSet<Long> keks = new TreeSet<>();
        TreeSet<Long> keyFiles = new TreeSet<>();
        List<Path> leftovers = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (name.matches() && name.group(1).equals("kek") && name.group(3) == null) {
                    keks.add(Long.parseLong(name.group(2)));
                } else if (name.matches() && name.group(1).equals("keys") && name.group(3) != null) {
                    keyFiles.add(Long.parseLong(name.group(2)));
                } else {
                    leftovers.add(file); // a temporary file of a change cut short
                }
            }
        }
        long current = keyFiles.descendingSet().stream().filter(keks::contains).findFirst().orElse(0L);
        RequestKeyStore store = current == 0
                ? new RequestKeyStore(folder, new LinkedHashMap<>(), 0, null)
                : load(folder, current);
        for (long g : keks) {
            if (g != current) {
                FileErasure.erase(kekFile(folder, g));
            }
        }
        for (long g : keyFiles) {
            if (g != current) {
                FileErasure.erase(keysFile(folder, g));
            }
        }
        for (Path leftover : leftovers) {
            FileErasure.erase(leftover);
        }
        return store;
    }

    private static RequestKeyStore load(Path folder, long generation) throws IOException {
        RequestKey kek = RequestKey.of(Files.readAllBytes(kekFile(folder, generation)));
        StoredKeys stored = JSON.readValue(keysFile(folder, generation).toFile(), StoredKeys.class);
        if (!FORMAT.equals(stored.format()) || stored.generation() != generation) {
            throw new IOException("the key store file " + keysFile(folder, generation) + " is not of generation "
                    + generation + " of " + FORMAT);
        }
        Map<String, Slot> slots = new LinkedHashMap<>();
        Base64.Decoder base64 = Base64.getDecoder();
        for (StoredEntry s : stored.entries()) {
            Entry entry = new Entry(s.requestId(), s.purpose(), s.commitment(), s.state(), s.givenBy(),
                    s.sharedWithTarget(), s.storedAt());
            try {
                RequestKey key = RequestKey.of(AesGcm.open(kek, wrapping(generation, entry),
                        new AesGcm.Sealed(base64.decode(s.nonce()), base64.decode(s.wrappedKey()))));
                slots.put(entry.slot(), new Slot(entry, key));
            } catch (SealBrokenException | IllegalArgumentException e) {
                throw new IOException("a key of request " + s.requestId() + " in " + keysFile(folder, generation)
                        + " does not unwrap: the key store is damaged", e);
            }
        }
        return new RequestKeyStore(folder, slots, generation, kek);
    }

    /** Stores a key (replacing the same request, purpose and commitment); durable on return. */
    public synchronized void put(Entry entry, RequestKey key) throws IOException {
        Map<String, Slot> next = new LinkedHashMap<>(slots);
        next.put(entry.slot(), new Slot(entry, RequestKey.of(key.bytes())));
        commit(next);
    }

    /** Records a changed state of an entry already held; durable on return. */
    public synchronized void update(Entry changed) throws IOException {
        Slot slot = slots.get(changed.slot());
        if (slot == null) {
            throw new IllegalArgumentException("no such key is held for request " + changed.requestId());
        }
        Map<String, Slot> next = new LinkedHashMap<>(slots);
        next.put(changed.slot(), new Slot(changed, slot.key()));
        commit(next);
    }

    public synchronized List<Entry> entries() {
        return slots.values().stream().map(Slot::entry).toList();
    }

    public synchronized List<Entry> entries(String requestId) {
        return slots.values().stream().map(Slot::entry).filter(e -> e.requestId().equals(requestId)).toList();
    }

    /** The confirmed key of a request for one purpose, if held. */
    public synchronized Optional<RequestKey> confirmedKey(String requestId, Purpose purpose) {
        return slots.values().stream()
                .filter(s -> s.entry().requestId().equals(requestId) && s.entry().purpose() == purpose
                        && s.entry().state() == State.CONFIRMED)
                .findFirst().map(s -> RequestKey.of(s.key().bytes()));
    }

    public synchronized Optional<RequestKey> key(Entry entry) {
        return Optional.ofNullable(slots.get(entry.slot())).map(s -> RequestKey.of(s.key().bytes()));
    }

    /** Erases one key; true if it was held. */
    public synchronized boolean erase(Entry entry) throws IOException {
        if (!slots.containsKey(entry.slot())) {
            return false;
        }
        Map<String, Slot> next = new LinkedHashMap<>(slots);
        Slot removed = next.remove(entry.slot());
        commit(next);
        removed.key().destroy();
        return true;
    }

    /** Erases every key of a request (its case details and its received data); true if any was held. */
    public synchronized boolean erase(String requestId) throws IOException {
        List<Slot> removed = slots.values().stream().filter(s -> s.entry().requestId().equals(requestId)).toList();
        if (removed.isEmpty()) {
            return false;
        }
        Map<String, Slot> next = new LinkedHashMap<>(slots);
        next.values().removeAll(removed);
        commit(next);
        removed.forEach(s -> s.key().destroy());
        return true;
    }

    /** The generation on disk; it grows by one with every change (a new KEK each time). */
    public synchronized long generation() {
        return generation;
    }

    public Path folder() {
        return folder;
    }

    private void commit(Map<String, Slot> next) throws IOException {
        long newGeneration = generation + 1;
        RequestKey newKek = RequestKey.generate();
        Base64.Encoder base64 = Base64.getEncoder();
        List<StoredEntry> stored = new ArrayList<>();
        for (Slot slot : next.values()) {
            Entry e = slot.entry();
            AesGcm.Sealed wrapped = AesGcm.seal(newKek, wrapping(newGeneration, e), slot.key().bytes());
            stored.add(new StoredEntry(e.requestId(), e.purpose(), e.commitment(), e.state(), e.givenBy(),
                    e.sharedWithTarget(), e.storedAt(), base64.encodeToString(wrapped.nonce()),
                    base64.encodeToString(wrapped.ciphertext())));
        }
        writeNew(kekFile(folder, newGeneration), newKek.bytes());
        writeNew(keysFile(folder, newGeneration),
                JSON.writeValueAsBytes(new StoredKeys(FORMAT, newGeneration, stored)));
        if (generation > 0) {
            FileErasure.erase(kekFile(folder, generation));
            FileErasure.erase(keysFile(folder, generation));
            kek.destroy();
        }
        generation = newGeneration;
        kek = newKek;
        slots = next;
    }

    /** The wrapping binds each key to its entry and generation: no entry can be swapped for another. */
    private static byte[] wrapping(long generation, Entry entry) {
        return (FORMAT + "|" + generation + "|" + entry.slot()).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a new file durably: a temporary file, synced, renamed into place, the folder synced. */
    private static void writeNew(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        createPrivateFile(temporary);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        FileErasure.syncFolder(file.getParent());
    }

    private static Path kekFile(Path folder, long generation) {
        return folder.resolve("kek-" + generation);
    }

    private static Path keysFile(Path folder, long generation) {
        return folder.resolve("keys-" + generation + ".json");
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder);
        }
    }

    private static void createPrivateFile(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("a key store file was created meanwhile: " + file, e);
        }
    }
}
