package org.gbx.client.cli;

import picocli.CommandLine.Command;

/** {@code gbx records ...}: the force's own records database. */
@Command(name = "records", subcommands = {RecordsSeedCommand.class})
final class RecordsCommand extends CommandGroup {
}
