package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line without a network: help, usage errors, config errors, global option placement. */
class GbxCommandLineTest {

    record Result(int exitCode, String out, String err) {
    }

    @TempDir
    Path dir;

    static Result gbx(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Gbx.run(args, environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<String> commands() {
        return Stream.of("whoami", "request", "request create", "request list", "request show", "request history",
                "request approve", "request reject", "request revoke", "access", "destroy", "overdue", "suspend",
                "unsuspend", "watch");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void every_command_has_help_with_a_description_and_an_example(String command) {
        Result result = gbx(Map.of(), (command + " --help").split(" "));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Example:").contains("  gbx " + command.split(" ")[0])
                .contains("Exit codes:").doesNotContain("Request, approve and audit");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void every_command_has_chinese_help(String command) {
        Result result = gbx(Map.of(), (command + " --help --lang zh-Hant").split(" "));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("例子：").contains("結束代碼：").contains("選項：");
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_exit_code_2() {
        Result result = gbx(Map.of(), "whoami", "--bogus");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("--bogus").contains("gbx whoami --help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"request", "audit", "evidence", "node", "records"})
    void a_command_group_without_its_subcommand_is_a_usage_error(String group) {
        Result result = gbx(Map.of(), group);

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("gbx " + group + " --help");
    }

    @Test
    void a_missing_config_says_how_to_fix_it_without_a_stack_trace() {
        Path missing = dir.resolve("none.json");

        Result result = gbx(Map.of("GBX_CONFIG", missing.toString()), "whoami", "--org", "macau", "--user", "liaison1");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(result.err()).contains(missing.toString()).contains("scripts/network.sh up")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void debug_adds_the_stack_trace() {
        Result result = gbx(Map.of("GBX_CONFIG", dir.resolve("none.json").toString()),
                "whoami", "--org", "macau", "--user", "liaison1", "--debug");

        assertThat(result.err()).contains("ConfigException").contains("\tat ");
    }

    @Test
    void global_options_work_before_and_after_the_subcommand() throws IOException {
        Map<String, String> environment = Map.of("GBX_CONFIG", config().toString());

        Result before = gbx(environment, "--org", "hongkong", "--user", "liaison1", "whoami");
        Result after = gbx(environment, "whoami", "--org", "hongkong", "--user", "liaison1");
        Result nested = gbx(environment, "request", "--org", "hongkong", "list", "--user", "liaison1");

        for (Result result : new Result[] {before, after, nested}) {
            assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG.code());
            assertThat(result.err()).contains("Unknown organisation \"hongkong\"; known: macau.");
        }
    }

    @Test
    void organisation_and_user_default_from_the_environment() throws IOException {
        Result result = gbx(Map.of("GBX_CONFIG", config().toString(), "GBX_ORG", "macau", "GBX_USER", "liaison9"),
                "whoami");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(result.err()).contains("User \"liaison9\" of macau is not enrolled here");
    }

    @Test
    void without_any_selection_the_officer_is_asked_who_they_are() throws IOException {
        Result result = gbx(Map.of("GBX_CONFIG", config().toString()), "whoami", "--lang", "zh-Hans");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(result.err()).contains("请说明你的身份").contains("--org").contains("GBX_ORG");
    }

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("gbx-network.json"), """
                {"channel":"gba-exchange","chaincode":"exchange","organisations":[
                 {"key":"macau","mspId":"MacauPJMSP","name":"Macau Judiciary Police",
                  "peer":{"endpoint":"127.0.0.1:7051","tlsRootCertPath":"%s"},"usersPath":"%s"}]}
                """.formatted(dir.resolve("tlsca.pem"), dir.resolve("users")));
    }
}
