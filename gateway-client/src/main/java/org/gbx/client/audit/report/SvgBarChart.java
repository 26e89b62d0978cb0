package org.gbx.client.audit.report;

import java.util.List;
import java.util.Map;

/**
 * Draws a {@link ChartSeries} as an inline SVG bar chart (stacked when it has several series),
 * with axis, labels, counts and a legend: no script, no fonts or images to fetch.
 */
final class SvgBarChart {

    private static final List<String> COLOURS = List.of("#1f5f8b", "#d9822b", "#3c8d40", "#a83d3d", "#7a5aa6");
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int BOTTOM = 60;
    private static final int TOP = 20;
    /** Up to this many bars, their labels fit level under them. */
    private static final int FLAT_LABELS = 6;

    private SvgBarChart() {
    }

    /** The chart with its title, labels and series names in the reader's language; it scales to its column. */
    static String render(ChartSeries chart, ReportText words) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" preserveAspectRatio=\"xMinYMin meet\"><title>")
                .append(Html.escape(words.get("chart." + chart.id()))).append("</title>");
        // Several series: their legend takes a line each above the plot.
        int top = TOP + (chart.series().size() > 1 ? 14 * chart.series().size() : 0);
        int plotHeight = HEIGHT - top - BOTTOM;
        int baseline = HEIGHT - BOTTOM;
        svg.append(line(LEFT, baseline, WIDTH - 10, baseline)).append(line(LEFT, top, LEFT, baseline));
        if (chart.labels().isEmpty() || chart.empty()) {
            svg.append(text(WIDTH / 2, top + plotHeight / 2, "middle", words.get("chart.none")));
        }
        int max = 1;
        for (int i = 0; i < chart.labels().size(); i++) {
            max = Math.max(max, chart.total(i));
        }
        svg.append(text(LEFT - 6, top + 4, "end", Integer.toString(max))).append(text(LEFT - 6, baseline, "end", "0"));
        int slot = chart.labels().isEmpty() ? 0 : (WIDTH - LEFT - 20) / chart.labels().size();
        int barWidth = Math.max(4, slot * 2 / 3);
        for (int i = 0; i < chart.labels().size(); i++) {
            int x = LEFT + 10 + i * slot;
            int y = baseline;
            int colour = 0;
            for (Map.Entry<String, List<Integer>> series : chart.series().entrySet()) {
                int value = series.getValue().get(i);
                int height = value * plotHeight / max;
                if (value > 0) {
                    y -= height;
                    svg.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"")
                            .append(barWidth).append("\" height=\"").append(height).append("\" fill=\"")
                            .append(COLOURS.get(colour % COLOURS.size())).append("\"><title>")
                            .append(Html.escape(words.seriesName(series.getKey()) + ", " + words.chartLabel(chart.labels().get(i))
                                    + ": " + value))
                            .append("</title></rect>");
                }
                colour++;
            }
            if (chart.total(i) > 0) {
                svg.append(text(x + barWidth / 2, y - 3, "middle", Integer.toString(chart.total(i))));
            }
            String label = Html.escape(words.chartLabel(chart.labels().get(i)));
            if (chart.labels().size() <= FLAT_LABELS) {
                svg.append(text(x + barWidth / 2, baseline + 16, "middle", words.chartLabel(chart.labels().get(i))));
            } else {
                // Many bars: labels slanted so each fits under its own bar.
                svg.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(baseline + 14)
                        .append("\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-35 ")
                        .append(x + barWidth / 2).append(' ').append(baseline + 14).append(")\">").append(label)
                        .append("</text>");
            }
        }
        if (chart.series().size() > 1) {
            int colour = 0;
            for (String name : chart.series().keySet()) {
                int y = 8 + colour * 14;
                svg.append("<rect x=\"").append(LEFT + 10).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" fill=\"")
                        .append(COLOURS.get(colour % COLOURS.size())).append("\"/>")
                        .append(text(LEFT + 24, y + 9, "start", words.seriesName(name)));
                colour++;
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#555\"/>";
    }

    private static String text(int x, int y, String anchor, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"11\" text-anchor=\"" + anchor + "\">"
                + Html.escape(content) + "</text>";
    }
}
