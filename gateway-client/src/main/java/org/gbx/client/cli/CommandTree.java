package org.gbx.client.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/**
 * gbx's command tree, in one place, and how to build only the branch a command line names:
 * picocli reads every annotation of every command it is given, which cost a third of a second
 * per call for the 30 commands, although a call runs one. Help, a group without its subcommand
 * and a misspelt name get the whole level, so usage, listings and suggestions stay the same.
 */
final class CommandTree {

    private static final Map<Class<?>, List<Class<?>>> SUBCOMMANDS = Map.of(
            Gbx.class, List.of(WhoAmICommand.class, RequestCommand.class, AccessCommand.class,
                    DestroyCommand.class, OverdueCommand.class, SuspendCommand.class, UnsuspendCommand.class,
                    WatchCommand.class, RecordsCommand.class, NodeCommand.class, AuditCommand.class,
                    EvidenceCommand.class, LookupCommand.class),
            RequestCommand.class, List.of(RequestCreateCommand.class, RequestListCommand.class,
                    RequestShowCommand.class, RequestHistoryCommand.class, RequestApproveCommand.class,
                    RequestRejectCommand.class, RequestRevokeCommand.class),
            RecordsCommand.class, List.of(RecordsSeedCommand.class),
            NodeCommand.class, List.of(NodeStartCommand.class),
            AuditCommand.class, List.of(AuditVerifyLedgerCommand.class, AuditReportCommand.class,
                    AuditVerifyReportCommand.class),
            EvidenceCommand.class, List.of(EvidenceRequestCommand.class, EvidenceEndorseCommand.class,
                    EvidenceExportCommand.class, EvidenceVerifyCommand.class));

    private CommandTree() {
    }

    /** The subcommands of {@code type}, as declared (the order of the usage help). */
    static List<Class<?>> subcommandsOf(Class<?> type) {
        return SUBCOMMANDS.getOrDefault(type, List.of());
    }

    /** Adds to {@code root} the commands {@code args} name, or every command where they name none. */
    static void attach(CommandLine root, String[] args) {
        // An @file holds arguments this scan cannot see: build everything.
        boolean atFile = List.of(args).stream().anyMatch(a -> a.startsWith("@"));
        attach(root, root, Gbx.class, args, atFile ? args.length : 0);
    }

    private static void attach(CommandLine root, CommandLine parent, Class<?> type, String[] args, int from) {
        int position = nextPositional(root, args, from);
        Optional<Class<?>> named = position < args.length
                ? subcommandsOf(type).stream().filter(c -> name(c).equals(args[position])).findFirst()
                : Optional.empty();
        for (Class<?> child : named.map(List::<Class<?>>of).orElse(subcommandsOf(type))) {
            CommandLine sub = parent.addSubcommand(name(child), child).getSubcommands().get(name(child));
            attach(root, sub, child, args, named.isPresent() ? position + 1 : args.length);
        }
    }

    /** The index of the next argument that is neither an option nor the value of a global option. */
    private static int nextPositional(CommandLine root, String[] args, int from) {
        int i = from;
        while (i < args.length && args[i].startsWith("-")) {
            OptionSpec option = args[i].contains("=") ? null : root.getCommandSpec().findOption(args[i]);
            i += option != null && option.arity().max() > 0 ? 2 : 1;
        }
        return i;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
