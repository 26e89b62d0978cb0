package org.gbx.client.cli;

import picocli.CommandLine.Command;

/** {@code gbx node ...}: the force's exchange node. */
@Command(name = "node", subcommands = {NodeStartCommand.class})
final class NodeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
