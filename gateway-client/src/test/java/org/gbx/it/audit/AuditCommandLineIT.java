package org.gbx.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gbx.client.audit.chain.SavedBlocks;
import org.gbx.client.cli.Gbx;
import org.gbx.it.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committee's commands as an auditor types them, against the real network. */
class AuditCommandLineIT {

    @TempDir
    Path temp;

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + out + err;
        }
    }

    @Test
    void verify_ledger_signs_a_statement_saves_the_blocks_and_names_the_block_of_an_altered_or_missing_copy() throws Exception {
        Path blocks = temp.resolve("blocks");
        Path statement = temp.resolve("statement.json");

        Result clean = auditor("audit", "verify-ledger", "--save-blocks", blocks.toString(), "--statement",
                statement.toString(), "--compare-with", "zhuhai", "--checkpoint", temp.resolve("ckpt.json").toString());

        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("INTACT", "no difference", "same blocks 0 to");
        assertThat(statement.resolveSibling("statement.json.p7s")).isNotEmptyFile();
        assertThat(Files.readString(statement)).contains("\"result\" : \"INTACT\"");

        long altered = new SavedBlocks(blocks).height() - 1;
        byte[] bytes = Files.readAllBytes(SavedBlocks.fileOf(blocks, altered));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(SavedBlocks.fileOf(blocks, altered), bytes);
        Result tampered = auditor("audit", "verify-ledger", "--blocks", blocks.toString());

        assertThat(tampered.exitCode()).as(tampered.toString()).isEqualTo(8);
        assertThat(tampered.out()).contains("PROBLEMS FOUND", "block " + altered);

        Files.delete(SavedBlocks.fileOf(blocks, 1));
        Result missing = auditor("audit", "verify-ledger", "--blocks", blocks.toString());

        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(6);
        assertThat(missing.err()).contains("The blocks could not be read", "block 1 is missing")
                .doesNotContain("unexpectedly");
    }

    @Test
    void report_writes_an_html_file_and_csv_to_standard_output() throws Exception {
        Path html = temp.resolve("report.html");

        Result written = auditor("audit", "report", "--from", "2020-01-01", "--format", "html", "--out", html.toString());
        Result csv = auditor("audit", "report", "--from", "2020-01-01", "--format", "csv");

        assertThat(written.exitCode()).as(written.toString()).isZero();
        assertThat(Files.readString(html)).contains("<svg ", "Oversight report");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.out()).startsWith("section,request_or_officer");
    }

    private static Result auditor(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--org", "oversight", "--user", "auditor1", "--config",
                TestNetwork.configPath().toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Gbx.run(arguments.toArray(String[]::new), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
