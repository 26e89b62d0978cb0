package org.gbx.client.audit.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * One rule check that fired: which rule, how serious, on which request (or officer hash), when,
 * and a sentence for the committee. Never personal data: requests are named by id, officers by
 * their ledger hash.
 *
 * @param subject the request id, or for volume findings the officer hash
 * @param message the sentence in English, as CSV and JSON carry it
 * @param kind which sentence of the rule it is, so a report can say it in the reader's language
 *     ({@code finding.<rule>.<kind>} in the report's text); null when the rule gives only the message
 * @param arguments the values the sentence names, typed so they are shown in the reader's zone and words
 */
public record Finding(String rule, Severity severity, String subject, String organisation, Instant at,
        String message, String kind, List<Argument> arguments) {

    public Finding {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** A finding whose text exists in English only; a report shows the message as it is. */
    public Finding(String rule, Severity severity, String subject, String organisation, Instant at, String message) {
        this(rule, severity, subject, organisation, at, message, null, List.of());
    }

    /** One value of a finding's sentence, in a language-independent form. */
    public record Argument(Type type, String value) {

        /** How a value is shown: counts as numbers, durations in words, times in the reader's zone. */
        public enum Type { COUNT, DURATION, TIME, CATEGORIES, TEXT }

        public static Argument count(long value) {
            return new Argument(Type.COUNT, Long.toString(value));
        }

        public static Argument duration(Duration value) {
            return new Argument(Type.DURATION, value.toString());
        }

        public static Argument time(Instant value) {
            return new Argument(Type.TIME, value.toString());
        }

        public static Argument categories(Collection<String> codes) {
            return new Argument(Type.CATEGORIES, String.join(",", new TreeSet<>(codes)));
        }

        public static Argument text(String value) {
            return new Argument(Type.TEXT, value);
        }
    }
}
