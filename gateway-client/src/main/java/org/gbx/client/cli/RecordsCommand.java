package org.gbx.client.cli;

import picocli.CommandLine.Command;

/** {@code gbx records ...}: the force's own records database. */
@Command(name = "records")
final class RecordsCommand extends CommandGroup {
}
