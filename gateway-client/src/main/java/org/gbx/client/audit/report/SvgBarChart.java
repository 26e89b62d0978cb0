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

    private SvgBarChart() {
    }

    static String render(ChartSeries chart) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\"><title>").append(Html.escape(chart.title())).append("</title>");
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int baseline = HEIGHT - BOTTOM;
        svg.append(line(LEFT, baseline, WIDTH - 10, baseline)).append(line(LEFT, TOP, LEFT, baseline));
        if (chart.labels().isEmpty() || chart.empty()) {
            svg.append(text(WIDTH / 2, TOP + plotHeight / 2, "middle", "none in this period"));
        }
        int max = 1;
        for (int i = 0; i < chart.labels().size(); i++) {
            max = Math.max(max, chart.total(i));
        }
        svg.append(text(LEFT - 6, TOP + 4, "end", Integer.toString(max))).append(text(LEFT - 6, baseline, "end", "0"));
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
                            .append(Html.escape(series.getKey() + ", " + chart.labels().get(i) + ": " + value))
                            .append("</title></rect>");
                }
                colour++;
            }
            if (chart.total(i) > 0) {
                svg.append(text(x + barWidth / 2, y - 3, "middle", Integer.toString(chart.total(i))));
            }
            svg.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(baseline + 14)
                    .append("\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-35 ").append(x + barWidth / 2)
                    .append(' ').append(baseline + 14).append(")\">").append(Html.escape(chart.labels().get(i)))
                    .append("</text>");
        }
        if (chart.series().size() > 1) {
            int colour = 0;
            for (String name : chart.series().keySet()) {
                int y = TOP + colour * 14;
                svg.append("<rect x=\"").append(WIDTH - 200).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" fill=\"")
                        .append(COLOURS.get(colour % COLOURS.size())).append("\"/>")
                        .append(text(WIDTH - 186, y + 9, "start", name));
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
