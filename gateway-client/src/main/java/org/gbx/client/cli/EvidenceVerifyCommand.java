package org.gbx.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gbx.client.evidence.CaDirectory;
import org.gbx.client.evidence.EvidenceVerdict;
import org.gbx.client.evidence.EvidenceVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gbx evidence verify FILE --ca-dir DIR}: offline, with only the channel organisations' CA
 * certificates; no config, network or identity. Exit 0 when verified, 9 when any check failed.
 */
@Command(name = "verify")
final class EvidenceVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "param.evidenceFile")
    Path file;

    @Option(names = "--ca-dir", required = true, paramLabel = "DIR", descriptionKey = "option.caDir")
    Path caDirectory;

    @Override
    public Integer call() {
        CliSession session = ((Gbx) spec.root().userObject()).session();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(InputFiles.readableFile(file));
        } catch (IOException e) {
            throw new InvalidInputException("input.fileUnreadable", file);
        }
        EvidenceVerdict verdict = new EvidenceVerifier(CaDirectory.load(InputFiles.readableFolder(caDirectory)))
                .verify(bytes);
        EvidenceOutput.verdict(session, verdict);
        return (verdict.verified() ? ExitCode.OK : ExitCode.EVIDENCE_NOT_VERIFIED).code();
    }
}
