package org.gbx.client.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.gbx.client.lookup.oprf.OprfKeyPair;
import org.gbx.client.lookup.oprf.OprfMode;
import org.gbx.client.lookup.oprf.OprfServer;
import org.gbx.client.model.DataCategory;
import org.junit.jupiter.api.Test;

/** A prepared set answers exactly for the identifiers the holder has, and only to their PRF output. */
class LookupSetTest {

    private final SecureRandom random = new SecureRandom();
    private final OprfServer prf = new OprfServer(OprfMode.VOPRF, OprfKeyPair.generate(random), random);

    private static HeldIdentifier held(String mainlandId, int crossings) {
        return new HeldIdentifier(IdentifierType.MAINLAND_ID.identifier(mainlandId),
                new ReferenceData(Map.of(DataCategory.IDENTITY, 1, DataCategory.BORDER_CROSSINGS, crossings)));
    }

    private static final List<String> IDS = List.of("11010519491231002X", "440402198803150022", "440403199001010010");

    private LookupSet prepared() {
        List<HeldIdentifier> held = new ArrayList<>();
        for (int i = 0; i < IDS.size(); i++) {
            held.add(held(IDS.get(i), i + 2));
        }
        return new SetPreparation(prf, ForkJoinPool.commonPool()).prepare(3, held);
    }

    @Test
    void finds_a_held_identifier_with_its_counts_and_nothing_else() {
        LookupSet set = prepared();
        byte[] output = prf.evaluate(IdentifierType.MAINLAND_ID.identifier("440402198803150022").prfInput());
        assertThat(set.find(output)).hasValueSatisfying(data -> {
            assertThat(data.count(DataCategory.BORDER_CROSSINGS)).isEqualTo(3);
            assertThat(data.categories()).containsExactly(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS);
        });
        byte[] absent = prf.evaluate(IdentifierType.MAINLAND_ID.identifier("440404197001010018").prfInput());
        assertThat(set.find(absent)).isEmpty();
        // the same identifier under another holder key is another identifier
        OprfServer otherKey = new OprfServer(OprfMode.VOPRF, OprfKeyPair.generate(random), random);
        assertThat(set.find(otherKey.evaluate(IdentifierType.MAINLAND_ID.identifier("440402198803150022").prfInput())))
                .isEmpty();
    }

    @Test
    void takes_24_bytes_per_identifier_and_round_trips_with_its_digest() throws IOException {
        LookupSet set = prepared();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String digest = set.write(bytes);
        assertThat(bytes.size()).isEqualTo(16 + 24 * IDS.size()).isEqualTo((int) set.byteSize());
        assertThat(set.digest()).isEqualTo(digest);
        LookupSet read = LookupSet.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(read.epoch()).isEqualTo(3);
        assertThat(read.digest()).isEqualTo(digest);
        assertThat(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("4404021988").doesNotContain("MAINLAND");
    }

    @Test
    void refuses_a_truncated_or_unsorted_file() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        prepared().write(bytes);
        byte[] whole = bytes.toByteArray();
        assertThatThrownBy(() -> LookupSet.read(new ByteArrayInputStream(java.util.Arrays.copyOf(whole, whole.length - 1))))
                .isInstanceOf(IOException.class);
        byte[] swapped = whole.clone();
        System.arraycopy(whole, 16, swapped, 16 + 24, 24);
        System.arraycopy(whole, 16 + 24, swapped, 16, 24);
        assertThatThrownBy(() -> LookupSet.read(new ByteArrayInputStream(swapped))).isInstanceOf(IOException.class);
    }

    @Test
    void a_sealed_entry_opens_only_with_its_own_prf_output() {
        byte[] output = prf.evaluate("PLATE:MX1234".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ReferenceData data = new ReferenceData(Map.of(DataCategory.VEHICLES, 2));
        byte[] sealed = EntrySeal.of(output).seal(data);
        assertThat(EntrySeal.of(output).open(sealed, 0)).contains(data);
        byte[] other = output.clone();
        other[0] ^= 1;
        assertThat(EntrySeal.of(other).open(sealed, 0)).isEmpty();
    }
}
