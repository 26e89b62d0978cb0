package org.gbx.client.audit.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of one bar chart: labels along the x axis, and one or more named series of counts
 * (stacked when there are several), in display order. Ids, labels and series names are codes
 * (MSP ids, ISO days, bucket names), which a report puts into the reader's language.
 *
 * @param id what the chart shows, e.g. {@code exchangesPerWeek}
 */
public record ChartSeries(String id, List<String> labels, Map<String, List<Integer>> series) {

    public ChartSeries {
        labels = List.copyOf(labels);
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    public int total(int labelIndex) {
        return series.values().stream().mapToInt(values -> values.get(labelIndex)).sum();
    }

    public boolean empty() {
        return series.values().stream().flatMap(List::stream).allMatch(v -> v == 0);
    }
}
