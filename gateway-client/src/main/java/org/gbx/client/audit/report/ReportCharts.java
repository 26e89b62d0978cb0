package org.gbx.client.audit.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.gbx.client.audit.rules.AuditedRequest;
import org.gbx.client.audit.rules.Finding;

/**
 * The report's charts, computed from the requests and findings of the period. The three kept in
 * the report (and signed with it) do not depend on the reader; the day and hour charts are drawn
 * in the reader's zone when the page is made.
 */
public final class ReportCharts {

    /** Pending requests by how long they have waited: under 8 h, under a day, up to 7 days, over 7 days. */
    static final List<String> AGE_BUCKETS = List.of("UNDER_8H", "UNDER_1D", "UP_TO_7D", "OVER_7D");
    static final String ALL_STEPS = "steps";

    private ReportCharts() {
    }

    /** Requests created per ISO week (Monday, UTC) of the period, one series per direction. */
    public static ChartSeries exchangesPerWeek(List<AuditedRequest> requests, Instant from, Instant to) {
        List<String> weeks = new ArrayList<>();
        LocalDate monday = week(from);
        for (LocalDate w = monday; w.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(to); w = w.plusWeeks(1)) {
            weeks.add(w.toString());
        }
        Map<String, List<Integer>> series = new TreeMap<>();
        new TreeSet<>(requests.stream().map(AuditedRequest::direction).toList())
                .forEach(direction -> series.put(direction, zeros(weeks.size())));
        for (AuditedRequest request : requests) {
            int index = weeks.indexOf(week(request.createdAt()).toString());
            if (index >= 0 && !request.createdAt().isBefore(from)) {
                series.get(request.direction()).set(index, series.get(request.direction()).get(index) + 1);
            }
        }
        return new ChartSeries("exchangesPerWeek", weeks, series);
    }

    /** Requests still pending at {@code asOf}, by how long they have waited. */
    public static ChartSeries pendingByAge(List<AuditedRequest> requests, Instant asOf) {
        List<Integer> counts = zeros(AGE_BUCKETS.size());
        requests.stream().filter(r -> r.status().equals("PENDING")).forEach(r -> {
            Duration age = Duration.between(r.createdAt(), asOf);
            int bucket = age.compareTo(Duration.ofHours(8)) < 0 ? 0
                    : age.compareTo(Duration.ofDays(1)) < 0 ? 1 : age.compareTo(Duration.ofDays(7)) <= 0 ? 2 : 3;
            counts.set(bucket, counts.get(bucket) + 1);
        });
        return new ChartSeries("pendingByAge", AGE_BUCKETS, Map.of("PENDING", counts));
    }

    /** Overdue or late destructions found, per recipient organisation. */
    public static ChartSeries overdueDestructions(List<Finding> findings) {
        Map<String, Integer> perOrg = new TreeMap<>();
        findings.stream().filter(f -> f.rule().equals("destruction-overdue"))
                .forEach(f -> perOrg.merge(f.organisation(), 1, Integer::sum));
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        series.put("overdue", new ArrayList<>(perOrg.values()));
        return new ChartSeries("overdueDestructions", new ArrayList<>(perOrg.keySet()), series);
    }

    /** Every step the ledger recorded in the period, per day in {@code zone}, one series per requesting force. */
    static ChartSeries stepsPerDay(List<AuditedRequest> requests, Instant from, Instant to, ZoneId zone) {
        List<String> days = new ArrayList<>();
        for (LocalDate d = from.atZone(zone).toLocalDate(); d.atStartOfDay(zone).toInstant().isBefore(to);
                d = d.plusDays(1)) {
            days.add(d.toString());
        }
        Map<String, List<Integer>> series = new TreeMap<>();
        for (AuditedRequest request : requests) {
            for (AuditedRequest.TimelineEntry step : request.timeline()) {
                int index = days.indexOf(step.at().atZone(zone).toLocalDate().toString());
                if (index >= 0 && !step.at().isBefore(from) && step.at().isBefore(to)) {
                    List<Integer> counts = series.computeIfAbsent(request.requesterOrg(), k -> zeros(days.size()));
                    counts.set(index, counts.get(index) + 1);
                }
            }
        }
        return new ChartSeries("stepsPerDay", days, series);
    }

    /** Every step the ledger recorded in the period, by hour of the day in {@code zone} (0-23). */
    static ChartSeries stepsByHour(List<AuditedRequest> requests, Instant from, Instant to, ZoneId zone) {
        List<Integer> counts = zeros(24);
        requests.stream().flatMap(r -> r.timeline().stream())
                .filter(step -> !step.at().isBefore(from) && step.at().isBefore(to))
                .forEach(step -> counts.set(step.at().atZone(zone).getHour(),
                        counts.get(step.at().atZone(zone).getHour()) + 1));
        List<String> hours = IntStream.range(0, 24).mapToObj(h -> String.format("%02d", h)).toList();
        return new ChartSeries("stepsByHour", hours, Map.of(ALL_STEPS, counts));
    }

    private static LocalDate week(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static List<Integer> zeros(int size) {
        return new ArrayList<>(Collections.nCopies(size, 0));
    }
}
