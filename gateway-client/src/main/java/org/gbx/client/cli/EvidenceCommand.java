package org.gbx.client.cli;

import picocli.CommandLine.Command;

/** {@code gbx evidence}: endorsement of delivered records as evidence for the other jurisdiction (異地簽註). */
@Command(name = "evidence")
final class EvidenceCommand extends CommandGroup {
}
