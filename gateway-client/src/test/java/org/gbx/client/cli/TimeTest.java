package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeTest {

    private static final ZoneId MACAU = TimeDisplay.DEFAULT_ZONE;
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void ledger_times_are_shown_in_macau_time_by_default() {
        assertThat(new TimeDisplay(MACAU).format(Instant.parse("2026-12-03T06:00:00Z")))
                .isEqualTo("2026-12-03 14:00 +08:00");
    }

    @Test
    void times_inside_a_chaincode_message_are_localised() {
        assertThat(new TimeDisplay(MACAU).localiseTimesIn("grant expired at 2026-12-03T06:00:00Z, sorry"))
                .isEqualTo("grant expired at 2026-12-03 14:00 +08:00, sorry");
    }

    @Test
    void officers_type_local_times_dates_iso_times_or_spans() {
        assertThat(TimeInput.parse("2026-12-03 14:00", MACAU, NOW)).isEqualTo(Instant.parse("2026-12-03T06:00:00Z"));
        assertThat(TimeInput.parse("2026-12-03", MACAU, NOW)).isEqualTo(Instant.parse("2026-12-03T15:59:00Z"));
        assertThat(TimeInput.parse("2026-12-03T14:00:00+08:00", MACAU, NOW))
                .isEqualTo(Instant.parse("2026-12-03T06:00:00Z"));
        assertThat(TimeInput.parse("7d", MACAU, NOW)).isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
        assertThat(TimeInput.parse("12h", MACAU, NOW)).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(TimeInput.parse("30m", MACAU, NOW)).isEqualTo(Instant.parse("2026-12-01T02:30:00Z"));
    }

    @Test
    void anything_else_is_refused_with_the_text_echoed() {
        assertThatThrownBy(() -> TimeInput.parse("next tuesday", MACAU, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.arguments()).containsExactly("next tuesday"));
    }

    @Test
    void chinese_table_cells_count_two_columns() {
        assertThat(TableWriter.displayWidth("待處理")).isEqualTo(6);
        assertThat(TableWriter.displayWidth("REQ-1")).isEqualTo(5);
    }
}
