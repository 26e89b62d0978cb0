package org.gbx.client.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static String walk(boolean terminal, long total) {
        StringWriter text = new StringWriter();
        ProgressBar bar = ProgressBar.on(new PrintWriter(text), "blocks", terminal);
        for (long done = 1; done <= total; done++) {
            bar.progress(done, total);
        }
        bar.finished();
        return text.toString();
    }

    @Test
    void off_a_terminal_it_writes_a_plain_line_at_the_start_and_every_ten_percent_and_never_redraws() {
        String text = walk(false, 20_000);

        assertThat(text).doesNotContain("\r");
        assertThat(text.lines()).hasSize(11)
                .first().isEqualTo("1/20000 blocks  0%");
        assertThat(text.lines()).element(1).isEqualTo("2000/20000 blocks  10%");
        assertThat(text.lines()).last().isEqualTo("20000/20000 blocks  100%");
    }

    @Test
    void on_a_terminal_it_redraws_one_line_at_most_once_per_percent() {
        String text = walk(true, 20_000);

        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(101);
        assertThat(text.chars().filter(c -> c == '\n').count()).as("newlines").isEqualTo(1);
        assertThat(text).endsWith("[##############################] 20000/20000 blocks  100%" + System.lineSeparator());
    }

    @Test
    void a_walk_of_one_block_off_a_terminal_is_one_line() {
        assertThat(walk(false, 1).lines()).containsExactly("1/1 blocks  100%");
    }
}
