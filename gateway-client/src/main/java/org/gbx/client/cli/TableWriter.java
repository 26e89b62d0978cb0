package org.gbx.client.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Plain-text tables for officers; columns sized by display width so Chinese headings line up. */
final class TableWriter {

    private final List<String> headings;
    private final List<List<String>> rows = new ArrayList<>();

    TableWriter(List<String> headings) {
        this.headings = List.copyOf(headings);
    }

    TableWriter row(List<String> cells) {
        if (cells.size() != headings.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headings.size());
        }
        rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headings.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = displayWidth(headings.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], displayWidth(row.get(i)));
            }
        }
        printRow(out, headings, widths);
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        printRow(out, rules, widths);
        rows.forEach(row -> printRow(out, row, widths));
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - displayWidth(cell) + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    /** Terminal columns: CJK and full-width characters take two. */
    static int displayWidth(String text) {
        return text.codePoints().map(TableWriter::columns).sum();
    }

    private static int columns(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        boolean wide = script == Character.UnicodeScript.HAN
                || (codePoint >= 0x3000 && codePoint <= 0x303F)
                || (codePoint >= 0xFF01 && codePoint <= 0xFF60);
        return wide ? 2 : 1;
    }
}
