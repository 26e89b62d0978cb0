package org.gbx.client.audit.rules;

import java.time.Duration;

/** Durations as an auditor reads them: "3 days 4 h", "45 min". */
final class Durations {

    private Durations() {
    }

    static String words(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        if (days > 0) {
            return days + (days == 1 ? " day" : " days") + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes % 60 > 0 ? " " + minutes % 60 + " min" : "");
        }
        return minutes + " min";
    }
}
