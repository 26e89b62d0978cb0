package org.gbx.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gbx.client.audit.chain.PeerBlockSource;
import org.gbx.client.evidence.EvidenceBundle;
import org.gbx.client.evidence.EvidenceExporter;
import org.gbx.client.evidence.ReceivedRecordSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gbx evidence export REQ --record ID -o FILE}: the requester writes the self-contained evidence bundle. */
@Command(name = "export")
final class EvidenceExportCommand extends EvidenceRecordCommand {

    /** A block can be large; reading one may take longer than an ordinary query. */
    private static final Duration BLOCK_DEADLINE = Duration.ofSeconds(30);

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", descriptionKey = "option.evidenceFile")
    Path file;

    @Override
    void execute(CliSession session) {
        checkIds();
        InputFiles.writableFile(file);
        ReceivedRecordSource store = ReceivedRecordSource.of(session.node());
        PeerBlockSource blocks = new PeerBlockSource(session.connection().network(), "own peer", BLOCK_DEADLINE);
        EvidenceBundle bundle = new EvidenceExporter(session.ledger(), store, blocks).export(requestId, recordId);
        try {
            Files.write(file, bundle.toBytes());
        } catch (IOException e) {
            throw new InvalidInputException("input.cannotWrite", file, e.getMessage());
        }
        if (session.output().isJson()) {
            session.output().json(Map.of("file", file.toString(), "requestId", requestId, "recordId", recordId));
            return;
        }
        session.output().line(session.messages().get("done.evidence.export", recordId, requestId, file));
    }
}
