package org.gbx.client.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Both forces must write every identifier the same way before it enters the PRF. */
class IdentifierTypeTest {

    private static String canonical(IdentifierType type, String written) {
        return type.identifier(written).canonical();
    }

    @Test
    void mainland_ids_are_checked_and_their_check_character_upper_cased() {
        assertThat(canonical(IdentifierType.MAINLAND_ID, " 11010519491231002x ")).isEqualTo("11010519491231002X");
        assertThat(canonical(IdentifierType.MAINLAND_ID, "110105 19491231 002X")).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> IdentifierType.MAINLAND_ID.identifier("110105194912310021"))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageNotContaining("1101051949");
    }

    @Test
    void macau_ids_lose_their_brackets() {
        assertThat(canonical(IdentifierType.MACAU_ID, "1234567(8)")).isEqualTo("12345678");
        assertThat(canonical(IdentifierType.MACAU_ID, "1234567 (8)")).isEqualTo("12345678");
        assertThat(canonical(IdentifierType.MACAU_ID, "1/234567/8")).isEqualTo("12345678");
        assertThatThrownBy(() -> IdentifierType.MACAU_ID.identifier("2234567(8)")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void hong_kong_ids_are_checked() {
        assertThat(canonical(IdentifierType.HONG_KONG_ID, "a123456(3)")).isEqualTo("A1234563");
        assertThatThrownBy(() -> IdentifierType.HONG_KONG_ID.identifier("A123456(4)"))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void plates_lose_separators_and_case() {
        assertThat(canonical(IdentifierType.PLATE, "mx-12-34")).isEqualTo("MX1234");
        assertThat(canonical(IdentifierType.PLATE, "MX 12 34")).isEqualTo("MX1234");
        assertThat(canonical(IdentifierType.PLATE, "粤Z·A123澳")).isEqualTo("粤ZA123澳");
        assertThat(canonical(IdentifierType.PLATE, "粤C D1234")).isEqualTo("粤CD1234");
    }

    @Test
    void phone_numbers_become_e164() {
        assertThat(canonical(IdentifierType.PHONE, "+853 6612 3456")).isEqualTo("+85366123456");
        assertThat(canonical(IdentifierType.PHONE, "66123456")).isEqualTo("+85366123456");
        assertThat(canonical(IdentifierType.PHONE, "00853-6612-3456")).isEqualTo("+85366123456");
        assertThat(canonical(IdentifierType.PHONE, "+86 138 1234 5678")).isEqualTo("+8613812345678");
        assertThat(canonical(IdentifierType.PHONE, "138-1234-5678")).isEqualTo("+8613812345678");
        assertThatThrownBy(() -> IdentifierType.PHONE.identifier("12")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void the_prf_input_separates_types_and_the_identifier_never_prints() {
        Identifier macau = IdentifierType.MACAU_ID.identifier("1234567(8)");
        assertThat(new String(macau.prfInput(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("MACAU_ID:12345678");
        assertThat(macau.toString()).doesNotContain("1234567");
        assertThat(IdentifierType.fromOptionName("hk-id")).contains(IdentifierType.HONG_KONG_ID);
    }
}
