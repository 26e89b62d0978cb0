package org.gbx.client.cli;

import picocli.CommandLine.Command;

/** {@code gbx records ...}: the force's own records database. */
@Command(name = "records", subcommands = {RecordsSeedCommand.class})
final class RecordsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
