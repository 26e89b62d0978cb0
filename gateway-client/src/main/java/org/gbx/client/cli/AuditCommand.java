package org.gbx.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gbx audit}: the oversight committee's own checks of the ledger. */
@Command(name = "audit", subcommands = {AuditVerifyLedgerCommand.class, AuditReportCommand.class})
final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                ((Gbx) spec.root().userObject()).session().messages().get("error.noCommand"));
    }

    /**
     * Base of the audit subcommands: like {@link LedgerCommand}, but the exit code is the
     * command's to choose, because an audit that finds problems must say so to scripts.
     */
    abstract static class AuditSubcommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            return execute(((Gbx) spec.root().userObject()).session()).code();
        }

        abstract ExitCode execute(CliSession session);
    }
}
