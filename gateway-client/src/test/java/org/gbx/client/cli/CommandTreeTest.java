package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A call builds only the branch of commands it names; help and misspelt names get the whole level. */
class CommandTreeTest {

    private static CommandLine attached(String... args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandLine root = new CommandLine(new Gbx(Map.of(), sink, sink, new Messages(Locale.ENGLISH)));
        CommandTree.attach(root, args);
        return root;
    }

    @Test
    void a_named_command_is_the_only_one_built_whatever_global_options_come_first() {
        CommandLine root = attached("--org", "macau", "--zone=Asia/Shanghai", "--json", "request", "--user",
                "approver1", "show", "REQ-1");

        assertThat(root.getSubcommands()).containsOnlyKeys("request");
        assertThat(root.getSubcommands().get("request").getSubcommands()).containsOnlyKeys("show");
        assertThat(root.getSubcommands().get("request").getSubcommands().get("show").getCommandSpec()
                .findOption("--org")).as("global options inherited by the built command").isNotNull();
    }

    @Test
    void help_a_group_alone_and_a_misspelt_name_build_the_whole_level() {
        assertThat(attached("--help").getSubcommands()).hasSize(CommandTree.subcommandsOf(Gbx.class).size())
                .containsKeys("whoami", "request", "audit", "evidence");
        assertThat(attached("--help").getSubcommands().get("request").getSubcommands()).hasSize(7);
        assertThat(attached("request").getSubcommands().get("request").getSubcommands()).hasSize(7);
        int topLevel = CommandTree.subcommandsOf(Gbx.class).size();
        assertThat(attached("requst", "list").getSubcommands()).hasSize(topLevel);
        assertThat(attached("@args.txt").getSubcommands()).hasSize(topLevel);
    }
}
