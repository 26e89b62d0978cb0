package org.gbx.client.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void mainland_number_has_the_iso_7064_check_character() {
        // The worked example of GB 11643: 11010519491231002X
        assertThat(MainlandIdNumber.of("110105", LocalDate.of(1949, 12, 31), 2)).isEqualTo("11010519491231002X");
        assertThat(MainlandIdNumber.isValid("11010519491231002X")).isTrue();
        assertThat(MainlandIdNumber.isValid("110105194912310021")).isFalse();
    }

    @Test
    void macau_numbers_have_the_bracketed_check_digit_and_validate() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            String number = MacauIdNumber.random(random);
            assertThat(number).matches("[157]\\d{6}\\(\\d\\)");
            assertThat(MacauIdNumber.isValid(number)).isTrue();
        }
    }

    @Test
    void a_changed_macau_digit_no_longer_validates() {
        String number = MacauIdNumber.random(new SplittableRandom(1));
        char changed = number.charAt(3) == '9' ? '0' : (char) (number.charAt(3) + 1);
        assertThat(MacauIdNumber.isValid(number.substring(0, 3) + changed + number.substring(4))).isFalse();
    }
}
