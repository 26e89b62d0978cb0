package org.gbx.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(Object value) {
        return new String(CanonicalJson.bytes(value), StandardCharsets.UTF_8);
    }

    @Test
    void members_are_sorted_by_utf16_code_units_without_whitespace() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", List.of(true, "x"));
        map.put("\u20ac", null);
        map.put("\uD83D\uDE00", 2L);
        // RFC 8785 3.2.3: U+20AC sorts before the surrogate pair of U+1F600
        assertThat(canonical(map)).isEqualTo("{\"a\":[true,\"x\"],\"b\":1,\"\u20ac\":null,\"\uD83D\uDE00\":2}");
    }

    @Test
    void strings_escape_only_what_jcs_escapes() {
        assertThat(canonical("粤C·D1234 \"q\" \\ \n \u0001 /")).isEqualTo("\"粤C·D1234 \\\"q\\\" \\\\ \\n \\u0001 /\"");
    }

    @Test
    void floating_point_numbers_are_refused() {
        assertThatThrownBy(() -> CanonicalJson.bytes(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void insertion_order_does_not_change_the_bytes() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("x", 1);
        one.put("y", 2);
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("y", 2);
        two.put("x", 1);
        assertThat(Arrays.equals(CanonicalJson.bytes(one), CanonicalJson.bytes(two))).isTrue();
    }
}
