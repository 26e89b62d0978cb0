package org.gbx.client.cli;

import picocli.CommandLine.Command;

/** {@code gbx request ...}: the request lifecycle, one subcommand per action (listed in {@link CommandTree}). */
@Command(name = "request")
final class RequestCommand extends CommandGroup {
}
