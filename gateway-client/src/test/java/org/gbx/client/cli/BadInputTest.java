package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.gbx.client.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option and parameter of every command, given wrong values of every kind (missing files,
 * folders for files, bad dates, unknown zones, bad ids, huge and negative numbers, words for
 * numbers, texts far over their limits): none may reach gbx's "failed unexpectedly" (exit 1) or
 * print a Java exception. The peers of the config are unreachable, so a value that passes every
 * check ends as "the ledger could not be reached" (exit 6), quickly.
 */
class BadInputTest {

    @TempDir
    static Path dir;
    static Map<String, String> environment;
    static Path detailsFile;
    static Path caFolder;
    static Path bundleFile;

    /** Values wrong for some options and right for others: a node or watch given them would run on. */
    private static final java.util.Set<String> MAY_BE_RIGHT = new java.util.HashSet<>();

    /** Wrong values by what an option holds (its parameter label), worded as officers mistype them. */
    private static final Map<String, List<String>> BAD = new LinkedHashMap<>();

    @BeforeAll
    static void fakeInstallation() throws Exception {
        TestPki.Issued ca = TestPki.certificateAuthority("tls ca");
        Path tlsCa = ca.writePem(dir.resolve("tls"), "ca")[0];
        StringBuilder organisations = new StringBuilder();
        for (String[] org : new String[][] {{"macau", "MacauPJMSP"}, {"zhuhai", "ZhuhaiPSBMSP"}, {"oversight", "OversightMSP"}}) {
            Path users = dir.resolve("orgs").resolve(org[0]).resolve("users");
            for (String user : List.of("liaison1", "approver1", "auditor1")) {
                Path msp = users.resolve(user).resolve("msp");
                Path[] pem = TestPki.leaf(ca, user).writePem(dir.resolve("pem").resolve(org[0] + user), "id");
                Files.createDirectories(msp.resolve("signcerts"));
                Files.createDirectories(msp.resolve("keystore"));
                Files.copy(pem[0], msp.resolve("signcerts").resolve("cert.pem"));
                Files.copy(pem[1], msp.resolve("keystore").resolve("key.pem"));
            }
            organisations.append(organisations.isEmpty() ? "" : ",").append("""
                    {"key":"%s","mspId":"%s","name":"%s","peer":{"endpoint":"127.0.0.1:1","tlsRootCertPath":"%s"},
                     "usersPath":"%s"}""".formatted(org[0], org[1], org[1], tlsCa, users));
        }
        Path config = Files.writeString(dir.resolve("gbx-network.json"),
                "{\"channel\":\"gba-exchange\",\"chaincode\":\"exchange\",\"organisations\":[" + organisations + "]}");
        environment = Map.of("GBX_CONFIG", config.toString(), "GBX_ORG", "macau", "GBX_USER", "liaison1");
        detailsFile = Files.writeString(dir.resolve("details.json"), "{\"narrative\":\"Permit fraud\"}");
        caFolder = Files.createDirectories(dir.resolve("cas"));
        Files.copy(tlsCa, caFolder.resolve("MacauPJMSP.pem"));
        bundleFile = Files.writeString(dir.resolve("bundle.json"), "{}");
        Path aFile = Files.writeString(dir.resolve("a-file.txt"), "x");
        Path aFolder = Files.createDirectories(dir.resolve("a-folder"));
        String huge = "Trace the holder of a permit ".repeat(4200);
        List<String> texts = List.of("", huge, "Holder of ID 1234567(8)");
        List<String> ids = List.of("bad id!", "../../etc/passwd", huge);
        List<String> numbers = List.of("abc", "-1", "0", "99999999999999999999");
        MAY_BE_RIGHT.addAll(List.of("0", "2147483648", dir.resolve("missing.json").toString()));
        BAD.put("ID", ids);
        BAD.put("REQ", ids);
        BAD.put("TEXT", texts);
        BAD.put("ORG", List.of("", "mars", "oversight", "macau"));
        BAD.put("CATEGORY", List.of("", "DNA", "IDENTITY,DNA", ",,"));
        BAD.put("CODE", List.of("H9", ""));
        BAD.put("URGENCY", List.of("SOON", ""));
        BAD.put("DAYS", numbers);
        BAD.put("FILE", List.of("/nonexistent/folder/file", aFolder.toString(), dir.resolve("missing.json").toString()));
        BAD.put("DIR", List.of("/nonexistent/folder", aFile.toString(), ""));
        BAD.put("TIME", List.of("next week", "99999999999d", "+999999999-01-01T00:00Z", "2026-02-30", "2020-01-01"));
        BAD.put("N", numbers);
        BAD.put("METHOD", List.of("BURN", ""));
        BAD.put("STATUS", List.of("LOST", ""));
        BAD.put("DAY", List.of("", "2026-13-40", "yesterday", "2026-01-01T99:00:00Z"));
        BAD.put("FORMAT", List.of("pdf", ""));
        BAD.put("PORT", List.of("0", "70000", "abc", "-1"));
        BAD.put("ADDRESS", List.of("", "not an address!", "127.0.0.1:7070"));
        BAD.put("MSP=HOST:PORT", List.of("nokey", "X=", "MacauPJMSP=not a host", "=1:2"));
        BAD.put("BLOCK", List.of("-1", "abc", "99999999999999999999"));
        BAD.put("A|B|C|X", List.of("Z", ""));
        BAD.put("1-4", List.of("9", "0", "abc"));
        BAD.put("SECONDS", List.of("-1", "99999", "abc"));
        BAD.put("JDBC_URL", List.of("jdbc:nope:x", "not a url", ""));
        BAD.put("USER", List.of("", "../../etc", "nobody"));
        BAD.put("PERSONS", List.of("0", "999999999", "abc"));
        BAD.put("NUMBER", List.of("abc", "99999999999999999999"));
        BAD.put("BYTES", List.of("0", "-1", "99999999999999", "abc"));
        BAD.put("TYPE", List.of("PASSPORT", ""));
        BAD.put("ZONE", List.of("Mars/Base", "", "UTC+99"));
        BAD.put("LANG", List.of("fr", "zh", ""));
        BAD.put("LOOKUP_ID", ids);
        BAD.put("IDENTIFIER", List.of("", "12345", "440402198803150023", huge));
        BAD.put("HOST:PORT", List.of("nohost", "127.0.0.1:99999", ":", ""));
        BAD.put("MINUTES", numbers);
    }

    /** Valid values for what each command requires, so that each bad value is what is wrong. */
    private static List<String> required(String command, ArgSpec arg) {
        String label = arg.paramLabel();
        String name = arg instanceof OptionSpec option ? option.longestName() : label;
        return switch (name) {
            case "--target" -> List.of("zhuhai");
            case "--purpose" -> List.of("Trace a permit holder");
            case "--legal-basis" -> List.of("Liaison agreement art. 3");
            case "--categories" -> List.of("IDENTITY");
            case "--details" -> List.of(detailsFile.toString());
            case "--expires" -> List.of("7d");
            case "--destroy-by" -> List.of("14d");
            case "--reason" -> List.of("Outside the agreement");
            case "--justification" -> List.of("Cross-check with the port log");
            case "--record" -> List.of("ZHUHAI-P0000012-V0");
            case "--output" -> List.of(dir.resolve("out-" + command.replace(' ', '-') + ".json").toString());
            case "--ca-dir" -> List.of(caFolder.toString());
            case "--from" -> List.of("2026-01-01");
            case "--id-type" -> List.of("mainland-id");
            case "--id" -> List.of("440402198803150022");
            default -> switch (label) {
                case "ID", "REQ" -> List.of("REQ-1");
                case "ORG" -> List.of("zhuhai");
                case "FILE" -> List.of(bundleFile.toString());
                default -> throw new IllegalStateException(command + " " + name + " is required: give it a valid value here");
            };
        };
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    @Test
    void no_wrong_value_of_any_option_of_any_command_is_an_unexpected_failure() throws Exception {
        CommandLine root = new CommandLine(new Gbx(Map.of(), null, null, new Messages(java.util.Locale.ENGLISH), false));
        // A call builds only the commands it names; no arguments at all build every one.
        CommandTree.attach(root, new String[0]);
        List<List<String>> runs = new ArrayList<>();
        for (CommandSpec command : leaves(root.getCommandSpec())) {
            String path = command.qualifiedName().replaceFirst("^gbx ?", "");
            // The node and the watch run until stopped: they get only values that are wrong for every option.
            boolean runsForever = path.equals("node start") || path.equals("watch");
            List<ArgSpec> args = new ArrayList<>(command.options());
            // The global options are the same on every command: tried once, on whoami.
            if (!path.equals("whoami")) {
                args.removeIf(arg -> arg instanceof OptionSpec o && o.inherited());
            }
            args.addAll(command.positionalParameters());
            for (ArgSpec arg : args) {
                if (arg.paramLabel() == null || (arg instanceof OptionSpec o && (o.usageHelp() || o.versionHelp()
                        || o.arity().max() == 0))) {
                    continue;
                }
                List<String> bad = BAD.get(arg.paramLabel());
                assertThat(bad).as("wrong values for " + path + " " + name(arg) + " (" + arg.paramLabel() + ")").isNotNull();
                for (String value : bad) {
                    List<String> line = new ArrayList<>(List.of(path.split(" ")));
                    for (ArgSpec other : args) {
                        if (other != arg && other.required()) {
                            if (other instanceof OptionSpec o) {
                                line.add(o.longestName());
                            }
                            line.addAll(required(path, other));
                        }
                    }
                    if (arg instanceof OptionSpec o) {
                        line.add(o.longestName());
                    }
                    line.add(value);
                    if (runsForever && MAY_BE_RIGHT.contains(value)) {
                        continue;
                    }
                    if (path.equals("records seed") && !name(arg).equals("--size") && !name(arg).equals("--clip-bytes")) {
                        line.addAll(List.of("--size", "1", "--clip-bytes", "1"));
                    }
                    line.addAll(List.of("--lang", "en"));
                    runs.add(line);
                }
            }
        }
        List<String> before = workingFolder();
        List<String> unexpected = new ArrayList<>();
        ExecutorService runner = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "gbx-bad-input");
            thread.setDaemon(true);
            return thread;
        });
        Pattern javaName = Pattern.compile("Exception|\\tat |\\b(java|org|io|picocli)\\.[a-z]+\\.");
        // Three at a time: each run is short, most of its time spent starting up and reading files.
        List<Future<String[]>> results = new ArrayList<>();
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(3);
        for (List<String> line : runs) {
            results.add(runner.submit(() -> {
                slots.acquire();
                try {
                    return gbx(line);
                } finally {
                    slots.release();
                }
            }));
        }
        for (int i = 0; i < runs.size(); i++) {
            String shown = String.join(" ", abbreviated(runs.get(i)));
            String[] result;
            try {
                result = results.get(i).get(5, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                unexpected.add(shown + " -> did not end");
                continue;
            }
            if (result[0].equals("1") || result[2].contains("failed unexpectedly") || javaName.matcher(result[2]).find()) {
                unexpected.add(shown + " -> exit " + result[0] + ": " + result[2].strip());
            }
        }
        runner.shutdownNow();
        assertThat(runs).as("command lines tried").hasSizeGreaterThan(250);
        assertThat(workingFolder()).as("nothing written in the working folder (an empty path named it once)")
                .isEqualTo(before);
        assertThat(unexpected).as("wrong values that reached an unexpected failure").isEmpty();
    }

    private static List<String> workingFolder() throws java.io.IOException {
        try (var files = Files.list(Path.of("").toAbsolutePath())) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> abbreviated(List<String> line) {
        return line.stream().map(arg -> arg.length() > 60 ? arg.substring(0, 20) + "…(" + arg.length() + " chars)" : arg)
                .toList();
    }

    private static String[] gbx(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Gbx.run(args.toArray(String[]::new), environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static List<CommandSpec> leaves(CommandSpec spec) {
        List<CommandSpec> leaves = new ArrayList<>();
        if (spec.subcommands().isEmpty()) {
            leaves.add(spec);
        }
        spec.subcommands().values().forEach(sub -> leaves.addAll(leaves(sub.getCommandSpec())));
        return leaves.stream().distinct().toList();
    }
}
