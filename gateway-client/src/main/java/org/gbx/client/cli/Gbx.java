package org.gbx.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code gbx}: the command line for liaison officers, approvers and the oversight committee.
 * The global options are inherited, so they work before or after the subcommand.
 */
@Command(name = "gbx", resourceBundle = Messages.BUNDLE, mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, versionProvider = GbxVersion.class, showAtFileInUsageHelp = false)
public final class Gbx implements Runnable {

    @Option(names = "--org", scope = ScopeType.INHERIT, paramLabel = "ORG", descriptionKey = "option.org")
    String org;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER", descriptionKey = "option.user")
    String user;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE", descriptionKey = "option.config")
    Path config;

    @Option(names = "--json", scope = ScopeType.INHERIT, descriptionKey = "option.json")
    boolean json;

    @Option(names = "--zone", scope = ScopeType.INHERIT, paramLabel = "ZONE", descriptionKey = "option.zone")
    ZoneId zone = TimeDisplay.DEFAULT_ZONE;

    /** Read before parsing by {@link Messages#chooseLocale}; declared so picocli accepts and documents it. */
    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "LANG", descriptionKey = "option.lang")
    String lang;

    @Option(names = "--debug", scope = ScopeType.INHERIT, descriptionKey = "option.debug")
    boolean debug;

    private final Map<String, String> environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Messages messages;
    private final boolean errIsTerminal;
    private CliSession session;

    Gbx(Map<String, String> environment, PrintWriter out, PrintWriter err, Messages messages, boolean errIsTerminal) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.messages = messages;
        this.errIsTerminal = errIsTerminal;
    }

    /** Held so the logger keeps its level: gRPC's informational lines are not for officers. */
    private static final Logger GRPC_LOG = Logger.getLogger("io.grpc");

    public static void main(String[] args) {
        if (!Arrays.asList(args).contains("--debug")) {
            GRPC_LOG.setLevel(Level.WARNING);
        }
        System.exit(run(args, System.getenv(), System.out, System.err, standardErrorIsTerminal()));
    }

    /** Runs one gbx command line and returns its exit code; the entry point the tests drive. */
    public static int run(String[] args, Map<String, String> environment, PrintStream stdout, PrintStream stderr) {
        return run(args, environment, stdout, stderr, false);
    }

    private static int run(String[] args, Map<String, String> environment, PrintStream stdout, PrintStream stderr,
            boolean errIsTerminal) {
        Locale locale = Messages.chooseLocale(args, Locale.getDefault());
        PrintWriter out = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
        if (!Messages.isSupported(locale) && Messages.requestedLanguage(args).isPresent()) {
            // Said, not silently replaced by English: an officer who asked for a language must know it is not there.
            err.println(new Messages(Locale.getDefault()).get("error.unknownLanguage",
                    Messages.requestedLanguage(args).get()));
            err.flush();
            return ExitCode.USAGE.code();
        }
        Messages messages = new Messages(locale);
        Gbx gbx = new Gbx(environment, out, err, messages, errIsTerminal);
        ErrorReporter errors = new ErrorReporter(gbx, messages, err);
        CommandLine commandLine = new CommandLine(gbx);
        CommandTree.attach(commandLine, args);
        commandLine.setResourceBundle(messages.bundle())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        try {
            return commandLine.execute(args);
        } finally {
            gbx.closeSession();
            out.flush();
            err.flush();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), messages.get("error.noCommand"));
    }

    /** The session of this invocation, opened on first use by a subcommand. */
    CliSession session() {
        if (session == null) {
            session = new CliSession(this, environment, out, messages);
        }
        return session;
    }

    boolean debug() {
        return debug;
    }

    /** Whether standard error is a terminal, where progress may redraw its line in place. */
    boolean errIsTerminal() {
        return errIsTerminal;
    }

    private static boolean standardErrorIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null; // no /proc: stdin and stdout are the terminal
        }
    }

    private void closeSession() {
        if (session != null) {
            session.close();
        }
    }
}
