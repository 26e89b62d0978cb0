package org.gbx.client.audit.report;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.gbx.client.audit.rules.Finding;
import org.gbx.client.audit.rules.Severity;

/**
 * The report in one reader's language and zone: its labels from the {@code report} bundles (en,
 * zh-Hant, zh-Hans), times in the zone to the minute, durations in words, codes (statuses,
 * transactions, categories, severities, findings) in words, forces by name. A code the bundle
 * does not know yet (a rule added later) is shown as the ledger or the rule gives it.
 */
public final class ReportText {

    static final String BUNDLE = "org.gbx.client.audit.report.report";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Locale locale;
    private final ResourceBundle bundle;
    private final ZoneId zone;
    private final Function<String, String> organisationNames;

    /** @param organisationNames the display name of a force by its MSP id, in this language */
    public ReportText(Locale locale, ZoneId zone, Function<String, String> organisationNames) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.locale = bundle.getLocale().equals(Locale.ROOT) ? Locale.ENGLISH : bundle.getLocale();
        this.zone = zone;
        this.organisationNames = organisationNames;
    }

    /** The page's language tag: {@code en}, {@code zh-Hant} or {@code zh-Hans}. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    public ZoneId zone() {
        return zone;
    }

    String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    Optional<String> find(String key, Object... arguments) {
        try {
            return Optional.of(get(key, arguments));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** A ledger time in the reader's zone, to the minute. */
    String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    String day(Instant instant) {
        return DAY.format(instant.atZone(zone));
    }

    String status(String code) {
        return find("status." + code).orElse(code);
    }

    String transaction(String name) {
        return find("tx." + name).orElse(name);
    }

    String severity(Severity severity) {
        return find("severity." + severity.name()).orElse(severity.name());
    }

    String categories(java.util.Collection<String> codes) {
        return String.join(get("list.separator"), codes.stream().map(c -> find("category." + c).orElse(c)).toList());
    }

    String organisation(String mspId) {
        return organisationNames.apply(mspId);
    }

    /** {@code MacauPJMSP → ZhuhaiPSBMSP} with each force named. */
    String direction(String codes) {
        return String.join(" → ", Arrays.stream(codes.split(" → ")).map(this::organisation).toList());
    }

    String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(get("duration.days", days));
            if (hours > 0) {
                parts.add(get("duration.hours", hours));
            }
        } else if (hours > 0) {
            parts.add(get("duration.hours", hours));
            if (minutes % 60 > 0) {
                parts.add(get("duration.minutes", minutes % 60));
            }
        } else {
            parts.add(get("duration.minutes", minutes));
        }
        return String.join(" ", parts);
    }

    /** What a rule checks, in this language; a rule the bundle does not know keeps its own words. */
    String rule(AuditReport.RuleSummary rule) {
        return find("rule." + rule.id()).orElse(rule.description());
    }

    /** A finding's sentence in this language, its values in this zone and these words. */
    String finding(Finding finding) {
        if (finding.kind() == null) {
            return finding.message();
        }
        Object[] values = finding.arguments().stream().map(this::value).toArray();
        return find("finding." + finding.rule() + "." + finding.kind(), values).orElse(finding.message());
    }

    private Object value(Finding.Argument argument) {
        return switch (argument.type()) {
            case COUNT -> Long.parseLong(argument.value());
            case DURATION -> duration(Duration.parse(argument.value()));
            case TIME -> time(Instant.parse(argument.value()));
            case CATEGORIES -> categories(List.of(argument.value().split(",")));
            case TEXT -> argument.value();
        };
    }

    /** A chart's x-axis label: a force, a bucket, or a day or hour as it is. */
    String chartLabel(String label) {
        return find("label." + label).orElseGet(() -> label.endsWith("MSP") ? organisation(label) : label);
    }

    /** A chart's series name: a direction or force by name, or a word. */
    String seriesName(String name) {
        if (name.contains(" → ")) {
            return direction(name);
        }
        return find("series." + name).orElseGet(() -> name.endsWith("MSP") ? organisation(name) : name);
    }
}
