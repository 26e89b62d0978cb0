package org.gbx.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.gbx.client.audit.report.AuditReport;
import org.gbx.client.audit.report.ReportVerification;
import org.gbx.client.audit.rules.Severity;
import org.gbx.client.config.ConfigException;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;
import org.gbx.client.evidence.CaDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gbx audit verify-report FILE --ca-dir DIR}: checks a signed HTML report offline, with the
 * channel organisations' CA certificates only (no network, identity or config needed). Exit 0
 * when every check passed, 8 otherwise.
 */
@Command(name = "verify-report")
final class AuditVerifyReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "param.reportFile")
    Path file;

    @Option(names = "--ca-dir", required = true, paramLabel = "DIR", descriptionKey = "option.caDir")
    Path caDirectory;

    @Override
    public Integer call() {
        CliSession session = ((Gbx) spec.root().userObject()).session();
        String page;
        try {
            page = Files.readString(InputFiles.readableFile(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("input.fileUnreadable", file);
        }
        ReportVerification verification = ReportVerification.check(page,
                CaDirectory.load(InputFiles.readableFolder(caDirectory)),
                locale -> organisationNames(session, locale));
        print(session, verification);
        return (verification.verified() ? ExitCode.OK : ExitCode.AUDIT_PROBLEMS).code();
    }

    /** Names as `audit report` drew them: from the bundle, else the config if there is one, else the MSP id. */
    private static Function<String, String> organisationNames(CliSession session, Locale locale) {
        Messages messages = new Messages(locale);
        Optional<NetworkConfig> config;
        try {
            config = Optional.of(session.config());
        } catch (ConfigException e) {
            config = Optional.empty();
        }
        Optional<NetworkConfig> known = config;
        return msp -> messages.find("org." + msp)
                .or(() -> known.flatMap(c -> c.organisationByMsp(msp)).map(Organisation::name)).orElse(msp);
    }

    private static void print(CliSession session, ReportVerification verification) {
        Messages messages = session.messages();
        Output output = session.output();
        output.line(verification.verified() ? messages.get("audit.verifyReport.verified")
                : messages.get("audit.verifyReport.notVerified"));
        verification.report().ifPresent(report -> output.fields(fields(session, report, verification)));
        output.line(messages.get("evidence.checks"));
        verification.checks().forEach((check, passed) -> output.line(messages.get(passed ? "audit.verifyReport.pass"
                : "audit.verifyReport.fail", messages.get("audit.verifyReport.check." + check.name()))));
    }

    private static Map<String, String> fields(CliSession session, AuditReport report, ReportVerification verification) {
        Messages messages = session.messages();
        TimeDisplay time = session.time();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(messages.get("audit.verifyReport.field.period"), time.format(report.from()) + " – "
                + time.format(report.to()));
        fields.put(messages.get("audit.verifyReport.field.generated"), time.format(report.generatedAt()));
        fields.put(messages.get("audit.field.blocks"), Long.toString(report.blockHeight()));
        fields.put(messages.get("audit.field.last"), report.headerHash());
        fields.put(messages.get("audit.verifyReport.field.findings"), messages.get("audit.verifyReport.value.findings",
                count(report, Severity.BREACH), count(report, Severity.WARNING), count(report, Severity.NOTICE),
                report.requests().size()));
        verification.signer().ifPresent(c -> fields.put(messages.get("audit.verifyReport.field.signer"),
                c.getSubjectX500Principal().getName() + verification.signerMspId()
                        .map(m -> " (" + organisationNames(session, session.messages().locale()).apply(m) + ")").orElse("")));
        return fields;
    }

    private static long count(AuditReport report, Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).count();
    }
}
