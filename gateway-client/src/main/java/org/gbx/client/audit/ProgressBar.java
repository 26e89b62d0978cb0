package org.gbx.client.audit;

import java.io.PrintWriter;

/**
 * A one-line progress bar on the terminal ({@code [#####.....]  512/1024 blocks  50%}), redrawn
 * in place and at most once per percent, so it costs nothing on long ledgers.
 */
public final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String unit;
    private int lastPercent = -1;

    public ProgressBar(PrintWriter out, String unit) {
        this.out = out;
        this.unit = unit;
    }

    @Override
    public void progress(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit
                + "  " + percent + "%");
        out.flush();
    }

    @Override
    public void finished() {
        if (lastPercent >= 0) {
            out.println();
            out.flush();
        }
    }
}
