package org.gbx.client.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceBundleTest {
    private static final String HASH = "ab".repeat(32);

    private static EvidenceBundle sample() {
        EvidenceStatement statement = new EvidenceStatement("req-1", "ZhuhaiPSBMSP", "MacauPJMSP", HASH, HASH, HASH,
                3, 7, List.of(HASH, HASH), "{\"category\":\"VEHICLES\",\"recordId\":\"Z-1\"}");
        return new EvidenceBundle(statement, new byte[] {1, 2, 3}, new byte[] {4, 5}, HASH, new byte[] {6});
    }

    @Test
    void a_bundle_reads_back_as_written() {
        byte[] bytes = sample().toBytes();
        EvidenceBundle read = EvidenceBundle.parse(bytes);
        assertThat(read.statement()).isEqualTo(sample().statement());
        assertThat(read.signature()).containsExactly(1, 2, 3);
        assertThat(read.toBytes()).isEqualTo(bytes);
    }

    @Test
    void a_bundle_not_in_canonical_form_is_refused_even_with_the_same_content() {
        String canonical = new String(sample().toBytes(), StandardCharsets.UTF_8);
        // "Bg==" and "Bh==" decode to the same byte: only the canonical check sees the edit.
        for (String edited : List.of(canonical.replace(",\"format\"", ", \"format\""), canonical + "\n",
                canonical.replace("\"endorsementBlock\":\"Bg==\"", "\"endorsementBlock\":\"Bh==\""))) {
            assertThatThrownBy(() -> EvidenceBundle.parse(edited.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(EvidenceFormatException.class);
        }
    }

    @Test
    void a_file_that_is_not_a_bundle_is_refused_with_a_reason() {
        for (String text : List.of("", "[]", "{\"format\":\"gbx-evidence-bundle/1\"}", "not json")) {
            assertThatThrownBy(() -> EvidenceBundle.parse(text.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.finding().form())
                            .isIn(Finding.Form.NOT_JSON, Finding.Form.NOT_A_BUNDLE, Finding.Form.PART_MISSING));
        }
    }

    @Test
    void the_statement_leaf_is_the_record_leaf_of_the_package_tree() {
        EvidenceStatement statement = sample().statement();
        assertThat(statement.leafHash()).isEqualTo(EvidenceStatement.leafHashOf(statement.record())).hasSize(64);
        assertThat(statement.proofHolds()).isFalse();
    }
}
