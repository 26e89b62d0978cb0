package org.gbx.client.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.gbx.client.crypto.RequestKey;
import org.gbx.client.keystore.RequestKeyStore.Entry;
import org.gbx.client.keystore.RequestKeyStore.Purpose;
import org.gbx.client.keystore.RequestKeyStore.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestKeyStoreTest {

    @TempDir
    Path dir;

    private static Entry pending(String requestId) {
        return new Entry(requestId, Purpose.CASE_DETAILS, "ab".repeat(32), State.PENDING, "MacauPJMSP", false,
                Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void a_stored_key_survives_reopening_with_its_entry() throws IOException {
        RequestKey key = RequestKey.generate();
        RequestKeyStore.open(dir).put(pending("REQ-1"), key);

        RequestKeyStore reopened = RequestKeyStore.open(dir);

        assertThat(reopened.entries()).containsExactly(pending("REQ-1"));
        assertThat(reopened.key(pending("REQ-1"))).contains(key);
        assertThat(reopened.confirmedKey("REQ-1", Purpose.CASE_DETAILS)).isEmpty();
    }

    @Test
    void a_confirmed_and_shared_entry_is_kept_as_such() throws IOException {
        RequestKeyStore store = RequestKeyStore.open(dir);
        RequestKey key = RequestKey.generate();
        store.put(pending("REQ-1"), key);
        store.update(pending("REQ-1").confirmed().shared());

        RequestKeyStore reopened = RequestKeyStore.open(dir);

        assertThat(reopened.entries()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(State.CONFIRMED);
            assertThat(e.sharedWithTarget()).isTrue();
        });
        assertThat(reopened.confirmedKey("REQ-1", Purpose.CASE_DETAILS)).contains(key);
    }

    @Test
    void no_file_ever_holds_a_key_in_the_clear() throws IOException {
        RequestKeyStore store = RequestKeyStore.open(dir);
        RequestKey key = RequestKey.generate();
        store.put(pending("REQ-1"), key);

        for (byte[] file : filesIn(dir)) {
            assertThat(indexOf(file, key.bytes())).isNegative();
            assertThat(new String(file, StandardCharsets.ISO_8859_1))
                    .doesNotContain(Base64.getEncoder().encodeToString(key.bytes()));
        }
    }

    @Test
    void every_change_replaces_the_key_encryption_key_and_leaves_one_pair_of_files() throws IOException {
        RequestKeyStore store = RequestKeyStore.open(dir);
        store.put(pending("REQ-1"), RequestKey.generate());
        byte[] firstKek = Files.readAllBytes(dir.resolve("kek-1"));
        store.put(pending("REQ-2"), RequestKey.generate());

        assertThat(store.generation()).isEqualTo(2);
        assertThat(fileNames()).containsExactlyInAnyOrder("kek-2", "keys-2.json");
        assertThat(Files.readAllBytes(dir.resolve("kek-2"))).isNotEqualTo(firstKek);
    }

    @Test
    void an_erased_key_cannot_be_recovered_from_any_copy_of_the_old_files() throws IOException {
        RequestKeyStore store = RequestKeyStore.open(dir);
        RequestKey erased = RequestKey.generate();
        RequestKey kept = RequestKey.generate();
        store.put(pending("REQ-1"), erased);
        store.put(pending("REQ-2"), kept);
        // What an attacker might find of the old generation in freed disk blocks: its key file.
        byte[] staleKeys = Files.readAllBytes(dir.resolve("keys-2.json"));
        byte[] oldKek = Files.readAllBytes(dir.resolve("kek-2"));

        assertThat(store.erase("REQ-1")).isTrue();

        RequestKeyStore reopened = RequestKeyStore.open(dir);
        assertThat(reopened.entries()).extracting(Entry::requestId).containsExactly("REQ-2");
        assertThat(reopened.key(pending("REQ-2"))).contains(kept);
        for (byte[] file : filesIn(dir)) {
            assertThat(indexOf(file, oldKek)).as("the old KEK is gone from every file").isNegative();
            assertThat(indexOf(file, erased.bytes())).isNegative();
        }
        // the stale file is useless: its KEK no longer exists anywhere in the folder
        assertThat(new String(staleKeys, StandardCharsets.UTF_8)).contains("REQ-1");
        assertThat(fileNames()).containsExactlyInAnyOrder("kek-3", "keys-3.json");
    }

    @Test
    void erasing_a_request_removes_all_its_keys_and_nothing_else() throws IOException {
        RequestKeyStore store = RequestKeyStore.open(dir);
        store.put(pending("REQ-1"), RequestKey.generate());
        Entry received = new Entry("REQ-1", Purpose.RECEIVED_DATA, "cd".repeat(32), State.CONFIRMED, "MacauPJMSP",
                false, Instant.parse("2026-12-01T09:00:00Z"));
        store.put(received, RequestKey.generate());
        store.put(pending("REQ-2"), RequestKey.generate());

        store.erase("REQ-1");

        assertThat(store.entries()).extracting(Entry::requestId).containsExactly("REQ-2");
        assertThat(store.erase("REQ-1")).isFalse();
    }

    @Test
    void a_change_cut_short_after_the_new_kek_keeps_the_previous_generation() throws IOException {
        RequestKeyStore store = RequestKeyStore.open(dir);
        RequestKey key = RequestKey.generate();
        store.put(pending("REQ-1"), key);
        // a crash after the new KEK and a half-written key file: neither completes a pair
        Files.write(dir.resolve("kek-2"), RequestKey.generate().bytes());
        Files.writeString(dir.resolve("keys-2.json.tmp"), "{\"format\":");

        RequestKeyStore reopened = RequestKeyStore.open(dir);

        assertThat(reopened.generation()).isEqualTo(1);
        assertThat(reopened.key(pending("REQ-1"))).contains(key);
        assertThat(fileNames()).containsExactlyInAnyOrder("kek-1", "keys-1.json");
    }

    @Test
    void a_change_cut_short_before_the_old_pair_was_erased_keeps_the_new_generation() throws IOException {
        RequestKeyStore store = RequestKeyStore.open(dir);
        store.put(pending("REQ-1"), RequestKey.generate());
        Path kek1 = dir.resolve("saved-kek-1");
        Path keys1 = dir.resolve("saved-keys-1");
        Files.copy(dir.resolve("kek-1"), kek1);
        Files.copy(dir.resolve("keys-1.json"), keys1);
        store.erase("REQ-1");
        // put the old pair back, as if the erase had stopped just before removing it
        Files.move(kek1, dir.resolve("kek-1"));
        Files.move(keys1, dir.resolve("keys-1.json"));

        RequestKeyStore reopened = RequestKeyStore.open(dir);

        assertThat(reopened.generation()).isEqualTo(2);
        assertThat(reopened.entries()).isEmpty();
        assertThat(fileNames()).containsExactlyInAnyOrder("kek-2", "keys-2.json");
    }

    @Test
    void the_folder_and_its_files_are_readable_by_the_node_only() throws IOException {
        Path folder = dir.resolve("keys");
        RequestKeyStore.open(folder).put(pending("REQ-1"), RequestKey.generate());

        assertThat(Files.getPosixFilePermissions(folder)).extracting(Enum::name)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
        assertThat(Files.getPosixFilePermissions(folder.resolve("kek-1"))).extracting(Enum::name)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<byte[]> filesIn(Path folder) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.add(Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
