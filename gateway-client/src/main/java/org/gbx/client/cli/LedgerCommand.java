package org.gbx.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every gbx subcommand: reaches the invocation's {@link CliSession} through the root command. */
abstract class LedgerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    CliSession session() {
        return ((Gbx) spec.root().userObject()).session();
    }

    @Override
    public final Integer call() {
        execute(session());
        return ExitCode.OK.code();
    }

    abstract void execute(CliSession session);
}
