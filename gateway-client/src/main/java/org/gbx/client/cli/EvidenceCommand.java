package org.gbx.client.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gbx evidence}: endorsement of delivered records as evidence for the other jurisdiction (異地簽註). */
@Command(name = "evidence", subcommands = {EvidenceRequestCommand.class, EvidenceEndorseCommand.class,
        EvidenceExportCommand.class, EvidenceVerifyCommand.class})
final class EvidenceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                ((Gbx) spec.root().userObject()).session().messages().get("error.noCommand"));
    }
}
