package org.gbx.client.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time an officer types: {@code 2026-12-03 14:00} or {@code 2026-12-03} (end of that day)
 * in the display zone, an ISO-8601 time with offset, or a span from now such as {@code 7d},
 * {@code 12h}, {@code 30m}.
 */
final class TimeInput {

    private static final Pattern SPAN = Pattern.compile("(\\d+)([dhm])");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TimeInput() {
    }

    /** Further than this is a typo, not a deadline (and past what the ledger's instants can hold). */
    private static final Duration FURTHEST = Duration.ofDays(100L * 366);

    static Instant parse(String text, ZoneId zone, Instant now) {
        Instant instant = read(text, zone, now);
        if (Duration.between(now, instant).abs().compareTo(FURTHEST) > 0) {
            throw new InvalidInputException("input.timeTooFar", text);
        }
        return instant;
    }

    private static Instant read(String text, ZoneId zone, Instant now) {
        String value = text.trim();
        Matcher span = SPAN.matcher(value);
        if (span.matches()) {
            if (span.group(1).length() > 9) {
                throw new InvalidInputException("input.timeTooFar", text);
            }
            long amount = Long.parseLong(span.group(1));
            return now.plus(switch (span.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
            });
        }
        try {
            if (value.contains("T")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            if (value.length() == "yyyy-MM-dd".length()) {
                return LocalDate.parse(value).plusDays(1).atStartOfDay(zone).minusMinutes(1).toInstant();
            }
            return LocalDateTime.parse(value, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException("input.badTime", text);
        }
    }
}
