package org.gbx.client.audit;

import java.io.PrintWriter;

/**
 * How far a long walk has come. On a terminal, a one-line bar
 * ({@code [#####.....]  512/1024 blocks  50%}) redrawn in place at most once per percent; elsewhere
 * (a log file, a pipe), where a redrawn line would pile up into one huge line, a plain line every
 * {@value #LINE_STEP_PERCENT} percent.
 */
public final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    static final int LINE_STEP_PERCENT = 10;

    private final PrintWriter out;
    private final String unit;
    private final boolean terminal;
    private int lastShown = -1;

    private ProgressBar(PrintWriter out, String unit, boolean terminal) {
        this.out = out;
        this.unit = unit;
        this.terminal = terminal;
    }

    /** @param terminal whether {@code out} is a terminal, where the bar may redraw its line */
    public static ProgressBar on(PrintWriter out, String unit, boolean terminal) {
        return new ProgressBar(out, unit, terminal);
    }

    @Override
    public void progress(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        int shown = terminal ? percent : percent / LINE_STEP_PERCENT * LINE_STEP_PERCENT;
        if (shown <= lastShown) {
            return;
        }
        lastShown = shown;
        String counts = done + "/" + total + " " + unit + "  " + percent + "%";
        if (terminal) {
            int filled = percent * WIDTH / 100;
            out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + counts);
        } else {
            out.println(counts);
        }
        out.flush();
    }

    @Override
    public void finished() {
        if (terminal && lastShown >= 0) {
            out.println();
            out.flush();
        }
    }
}
