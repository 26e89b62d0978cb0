package org.gbx.client.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.gbx.client.audit.ChainVerification;
import org.gbx.client.audit.ChainVerificationResult;
import org.gbx.client.audit.CheckpointFile;
import org.gbx.client.audit.ProgressBar;
import org.gbx.client.audit.chain.BlockSource;
import org.gbx.client.audit.chain.SavedBlocks;
import org.gbx.client.audit.report.AuditReport;
import org.gbx.client.audit.report.ReportBuilder;
import org.gbx.client.audit.report.ReportFormat;
import org.gbx.client.audit.report.ReportSeal;
import org.gbx.client.audit.report.ReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gbx audit report --from --to --format html|csv|json}: every request of the period with
 * its timeline, the rule findings and charts, rebuilt from the blocks (verified on the way).
 */
@Command(name = "report")
final class AuditReportCommand extends AuditCommand.AuditSubcommand {

    @Option(names = "--from", required = true, paramLabel = "DAY", descriptionKey = "option.auditFrom")
    String from;

    @Option(names = "--to", paramLabel = "DAY", descriptionKey = "option.auditTo")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", descriptionKey = "option.auditFormat")
    ReportFormat format = ReportFormat.HTML;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "option.auditOut")
    Path out;

    @Option(names = "--blocks", paramLabel = "DIR", descriptionKey = "option.auditBlocks")
    Path savedCopy;

    @Option(names = "--checkpoint", paramLabel = "FILE", descriptionKey = "option.auditCheckpoint")
    Path checkpoint;

    @Override
    ExitCode execute(CliSession session) {
        if (out != null) {
            InputFiles.writableFile(out);
        }
        if (savedCopy != null) {
            InputFiles.readableFolder(savedCopy);
        }
        if (checkpoint != null) {
            InputFiles.readWriteFile(checkpoint);
        }
        ZoneId zone = session.time().zone();
        Instant now = Instant.now();
        Instant start = day(from, zone);
        Instant end = to == null ? now : day(to, zone);
        if (!start.isBefore(end)) {
            throw new InvalidInputException("input.auditPeriod", from, to == null ? now.toString() : to);
        }
        ChainVerificationResult ledger = new ChainVerification(session.config().channel(),
                session.config().chaincode(), Optional.ofNullable(checkpoint).map(CheckpointFile::new),
                ProgressBar.on(spec.commandLine().getErr(), session.messages().get("audit.progress.blocks"),
                        terminal()))
                .run(source(session));
        AuditReport report = ReportBuilder.build(ledger, start, end, now);
        ReportText text = new ReportText(session.messages().locale(), zone, session.organisations()::displayName);
        // The page is for people: signed by the auditor, over its language-independent form.
        Optional<ReportSeal> seal = format == ReportFormat.HTML
                ? Optional.of(ReportSeal.sign(report, session.identity().privateKey(), session.identity().certificate()))
                : Optional.empty();
        write(report, text, seal, session.output().writer());
        if (out != null) {
            session.output().line(session.messages().get("done.auditReport", session.time().format(report.from()),
                    session.time().format(report.to()), out,
                    report.findings().size(), report.requests().size()));
        }
        return ledger.intact() ? ExitCode.OK : ExitCode.AUDIT_PROBLEMS;
    }

    private BlockSource source(CliSession session) {
        return savedCopy != null ? new SavedBlocks(savedCopy) : ownPeer(session);
    }

    private void write(AuditReport report, ReportText text, Optional<ReportSeal> seal, Writer stdout) {
        try {
            if (out == null) {
                format.write(report, text, seal, stdout);
                return;
            }
            try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                format.write(report, text, seal, writer);
            }
        } catch (IOException e) {
            throw new InvalidInputException("input.cannotWrite", out == null ? "-" : out, e.getMessage());
        }
    }

    /** A day (its start, in the display zone) or an ISO-8601 instant. */
    private static Instant day(String text, ZoneId zone) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("input.auditDay", text);
        }
    }
}
