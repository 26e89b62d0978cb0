package org.gbx.client.cli;

import picocli.CommandLine.Command;

/** {@code gbx node ...}: the force's exchange node. */
@Command(name = "node")
final class NodeCommand extends CommandGroup {
}
