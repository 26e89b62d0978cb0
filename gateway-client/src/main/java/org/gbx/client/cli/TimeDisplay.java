package org.gbx.client.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shows ledger times (UTC instants) in the officer's zone, Asia/Macau unless told otherwise. */
public final class TimeDisplay {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Macau");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

    private final ZoneId zone;

    public TimeDisplay(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }

    /** An ISO-8601 time from the ledger, shown in the zone; anything else unchanged. */
    public String format(String isoTime) {
        if (isoTime == null || isoTime.isEmpty()) {
            return "";
        }
        try {
            return format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(isoTime, Instant::from));
        } catch (DateTimeParseException e) {
            return isoTime;
        }
    }

    /** Rewrites every ISO-8601 time inside a chaincode message into the zone. */
    public String localiseTimesIn(String text) {
        Matcher matcher = INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(format(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
