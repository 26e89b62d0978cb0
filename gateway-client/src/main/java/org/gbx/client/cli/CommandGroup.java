package org.gbx.client.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code gbx request}, {@code gbx audit}, ...): called
 * alone, it says a subcommand is missing and shows its usage, with a usage exit code.
 */
abstract class CommandGroup implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public final void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                ((Gbx) spec.root().userObject()).session().messages().get("error.noCommand"));
    }
}
