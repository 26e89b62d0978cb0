package org.gbx.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.SealedDetails;
import org.junit.jupiter.api.Test;

class DetailsSealingTest {

    private static final String ID = "REQ-2026-0001";
    private static final CaseDetails DETAILS = CaseDetails.of("""
            {"subjects":[{"idType":"MACAU_BIR","idNumber":"5215299(3)"}],"vehicles":["粤Z·B246澳"],
             "narrative":"Crossed at Gongbei and Hengqin"}""");

    @Test
    void sealed_details_open_with_their_key_to_the_same_bytes() {
        DetailsSealing.Sealing sealing = DetailsSealing.seal(ID, DETAILS);

        assertThat(DetailsSealing.open(ID, sealing.sealed(), sealing.key()).bytes()).isEqualTo(DETAILS.bytes());
    }

    @Test
    void the_envelope_holds_none_of_the_plain_details() {
        String envelope = new String(DetailsSealing.seal(ID, DETAILS).sealed().bytes(), StandardCharsets.UTF_8);

        assertThat(envelope).startsWith("{\"ciphertext\":\"").contains("\"format\":\"gbx-sealed-details/1\"")
                .doesNotContain("5215299").doesNotContain("Gongbei").doesNotContain("粤Z");
    }

    @Test
    void each_sealing_has_a_fresh_key_and_nonce() {
        DetailsSealing.Sealing first = DetailsSealing.seal(ID, DETAILS);
        DetailsSealing.Sealing second = DetailsSealing.seal(ID, DETAILS);

        assertThat(first.key()).isNotEqualTo(second.key());
        assertThat(first.sealed().nonce()).isNotEqualTo(second.sealed().nonce());
        assertThat(first.sealed().sha256Hex()).isNotEqualTo(second.sealed().sha256Hex());
    }

    @Test
    void another_key_is_refused_before_decryption() {
        DetailsSealing.Sealing sealing = DetailsSealing.seal(ID, DETAILS);
        RequestKey other = RequestKey.generate();

        assertThat(DetailsSealing.opens(other, ID, sealing.sealed())).isFalse();
        assertThatThrownBy(() -> DetailsSealing.open(ID, sealing.sealed(), other))
                .isInstanceOf(SealBrokenException.class).hasMessageContaining("not the one");
    }

    @Test
    void an_envelope_cannot_pass_as_another_requests() {
        DetailsSealing.Sealing sealing = DetailsSealing.seal(ID, DETAILS);

        assertThatThrownBy(() -> DetailsSealing.open("REQ-2026-0002", sealing.sealed(), sealing.key()))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void a_flipped_ciphertext_bit_is_detected() {
        DetailsSealing.Sealing sealing = DetailsSealing.seal(ID, DETAILS);
        byte[] ciphertext = sealing.sealed().ciphertext();
        ciphertext[3] ^= 1;
        SealedDetails altered = new SealedDetails(sealing.sealed().nonce(), ciphertext, sealing.sealed().keyCommitment());

        assertThatThrownBy(() -> DetailsSealing.open(ID, altered, sealing.key())).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void the_envelope_reads_back_byte_for_byte() {
        SealedDetails sealed = DetailsSealing.seal(ID, DETAILS).sealed();

        SealedDetails parsed = SealedDetails.parse(sealed.bytes());

        assertThat(parsed.bytes()).isEqualTo(sealed.bytes());
        assertThat(parsed.sha256Hex()).isEqualTo(sealed.sha256Hex());
    }

    @Test
    void plain_details_and_foreign_envelopes_are_not_sealed_details() {
        assertThatThrownBy(() -> SealedDetails.parse(DETAILS.bytes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("5215299");
        String nonce = Base64.getEncoder().encodeToString(new byte[12]);
        String other = "{\"ciphertext\":\"AAAA\",\"format\":\"other/1\",\"keyCommitment\":\"" + "0".repeat(64)
                + "\",\"nonce\":\"" + nonce + "\"}";
        assertThatThrownBy(() -> SealedDetails.parse(other.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_largest_details_allowed_seal_within_the_ledgers_limit() {
        byte[] largest = new byte[DetailsSealing.MAX_PLAINTEXT_BYTES];
        java.util.Arrays.fill(largest, (byte) 'x');

        assertThat(DetailsSealing.seal(ID, CaseDetails.of(largest)).sealed().bytes().length).isLessThanOrEqualTo(65536);
        assertThatThrownBy(() -> DetailsSealing.seal(ID, CaseDetails.of(new byte[DetailsSealing.MAX_PLAINTEXT_BYTES + 1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_never_shows_in_text() {
        assertThat(RequestKey.generate().toString()).isEqualTo("RequestKey[hidden]");
    }
}
