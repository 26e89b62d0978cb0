package org.gbx.client.audit.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gbx.client.audit.rules.AuditedRequest;
import org.gbx.client.audit.rules.Finding;

/** The three charts of the report, computed from the requests and findings of the period. */
public final class ReportCharts {

    private static final List<String> AGE_BUCKETS = List.of("< 8 h", "8 h – 1 day", "1 – 7 days", "> 7 days");

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
        return new ChartSeries("Exchanges per week by direction", weeks, series);
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
        return new ChartSeries("Pending requests by age", AGE_BUCKETS, Map.of("pending", counts));
    }

    /** Overdue or late destructions found, per recipient organisation. */
    public static ChartSeries overdueDestructions(List<Finding> findings) {
        Map<String, Integer> perOrg = new TreeMap<>();
        findings.stream().filter(f -> f.rule().equals("destruction-overdue"))
                .forEach(f -> perOrg.merge(f.organisation(), 1, Integer::sum));
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        series.put("overdue or late", new ArrayList<>(perOrg.values()));
        return new ChartSeries("Overdue destructions by recipient", new ArrayList<>(perOrg.keySet()), series);
    }

    private static LocalDate week(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static List<Integer> zeros(int size) {
        return new ArrayList<>(Collections.nCopies(size, 0));
    }
}
