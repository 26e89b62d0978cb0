package org.gbx.client.cli;

import java.io.PrintWriter;
import org.gbx.client.audit.chain.BlockSourceException;
import org.gbx.client.config.ConfigException;
import org.gbx.client.evidence.EvidenceException;
import org.gbx.client.lookup.ask.LookupException;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.CommitRejectedException;
import org.gbx.client.ledger.EndorsementFailedException;
import org.gbx.client.ledger.LedgerUnavailableException;
import org.gbx.client.nodeapi.NodeApiException;
import org.gbx.client.records.DataFolderInUseException;
import org.gbx.client.usecase.NotReadyException;
import org.gbx.client.usecase.ReceivedDataAccess;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one sentence an officer can act on and a documented exit code. The
 * stack trace is shown only with --debug.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final Gbx gbx;
    private final Messages messages;
    private final PrintWriter err;

    ErrorReporter(Gbx gbx, Messages messages, PrintWriter err) {
        this.gbx = gbx;
        this.messages = messages;
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        err.println(messages.get("error.usage", e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println(messages.get("error.seeHelp", e.getCommandLine().getCommandSpec().qualifiedName()));
        err.flush();
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        Report report = describe(e);
        err.println(report.message());
        if (gbx.debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return report.exitCode().code();
    }

    record Report(ExitCode exitCode, String message) {
    }

    Report describe(Exception e) {
        if (e instanceof ConfigException config) {
            return new Report(ExitCode.CONFIG,
                    messages.get("error.config." + config.reason(), config.arguments().toArray()));
        }
        if (e instanceof ChaincodeRefusalException refusal) {
            return describeRefusal(refusal);
        }
        if (e instanceof EndorsementFailedException failed) {
            StringBuilder message = new StringBuilder(messages.get("error.endorsement", failed.gatewayMessage()));
            failed.refusals().forEach(peer -> message.append(System.lineSeparator()).append(messages.get(
                    "error.peerAnswer", gbx.session().organisations().displayName(peer.mspId()), peer.address(),
                    peer.message())));
            return new Report(ExitCode.NOT_ACCEPTED, message.toString());
        }
        if (e instanceof CommitRejectedException rejected) {
            return new Report(ExitCode.NOT_ACCEPTED,
                    messages.get("error.commit", rejected.validationCode(), rejected.transactionId()));
        }
        if (e instanceof LedgerUnavailableException unavailable) {
            // Only a transaction that reached the orderer can still commit; an evaluation or a refused endorsement cannot.
            boolean outcomeUnknown = unavailable.step() == LedgerUnavailableException.Step.SUBMIT
                    || unavailable.step() == LedgerUnavailableException.Step.COMMIT_STATUS;
            String key = outcomeUnknown ? "error.unavailableOutcomeUnknown" : "error.unavailable";
            return new Report(ExitCode.UNAVAILABLE, messages.get(key,
                    String.valueOf(unavailable.grpcCode()), unavailable.transactionId()));
        }
        if (e instanceof BlockSourceException unreadable) {
            return new Report(ExitCode.UNAVAILABLE, messages.get("error.blocks", unreadable.getMessage()));
        }
        if (e instanceof LookupException lookup) {
            ExitCode code = switch (lookup.reason()) {
                case HOLDER_HAS_NO_KEY -> ExitCode.NOT_FOUND;
                case NO_SET, HOLDER_UNREACHABLE -> ExitCode.UNAVAILABLE;
                case HOLDER_REFUSED, PROOF_REJECTED -> ExitCode.REFUSED;
            };
            return new Report(code, messages.get("error.lookup." + lookup.reason(),
                    lookup.lookupId() == null ? "-" : lookup.lookupId(), lookup.getMessage())
                    .replace("%n", System.lineSeparator()));
        }
        if (e instanceof EvidenceException evidence) {
            return new Report(evidence.reason() == EvidenceException.Reason.NOT_ENDORSED ? ExitCode.REFUSED
                    : ExitCode.NOT_FOUND, messages.get("error.evidence." + evidence.reason(), evidence.arguments()));
        }
        if (e instanceof NotReadyException notReady) {
            return new Report(ExitCode.USAGE, messages.get("notReady." + notReady.reason(), notReady.arguments()));
        }
        if (e instanceof ReceivedDataAccess.RecordsNotShownException notShown) {
            return new Report(ExitCode.UNAVAILABLE, messages.get("error.recordsNotShown",
                    notShown.access().value().sequence(), notShown.access().value().requestId(),
                    notShown.access().receipt().transactionId(), notShown.getMessage()));
        }
        if (e instanceof NodeApiException node) {
            ExitCode code = switch (node.reason()) {
                case UNREACHABLE -> ExitCode.UNAVAILABLE;
                case NOT_ALLOWED, REFUSED -> ExitCode.REFUSED;
                case NOT_HELD -> ExitCode.NOT_FOUND;
                case INVALID -> ExitCode.USAGE;
                case FAILED -> ExitCode.INTERNAL;
            };
            return new Report(code, messages.get("error.node." + node.reason(), node.getMessage()));
        }
        if (e instanceof DataFolderInUseException inUse) {
            return new Report(ExitCode.USAGE, messages.get("input.dataFolderInUse", inUse.folder(), inUse.what(),
                    inUse.pid().isPresent() ? String.valueOf(inUse.pid().getAsLong()) : "?"));
        }
        if (e instanceof InvalidInputException invalid) {
            return new Report(ExitCode.USAGE, messages.get(invalid.messageKey(), invalid.arguments()));
        }
        return new Report(ExitCode.INTERNAL, messages.get("error.internal", e.getClass().getSimpleName()));
    }

    /** "Zhuhai PSB refused: the grant has expired." in the officer's language, the ledger's own words below. */
    private Report describeRefusal(ChaincodeRefusalException refusal) {
        String organisation = refusal.refusingMspId().isEmpty()
                ? messages.get("error.theLedger")
                : gbx.session().organisations().displayName(refusal.refusingMspId());
        String rule = messages.find("refusal." + refusal.code()).orElse(refusal.code());
        String detail = gbx.session().time().localiseTimesIn(refusal.reason());
        ExitCode exitCode = refusal.code().endsWith("NOT_FOUND") ? ExitCode.NOT_FOUND : ExitCode.REFUSED;
        String refused = messages.get("error.refused", organisation, rule, refusal.code(), detail)
                .replace("%n", System.lineSeparator());
        if (refusal.isAfterLostRace()) {
            // Another officer's transaction won the race (e.g. three accesses at once on a one-access grant).
            String race = messages.get(refusal.code().equals("ACCESS_LIMIT_REACHED") ? "error.lostRace.grant"
                    : "error.lostRace.request");
            refused = race + System.lineSeparator() + refused;
        }
        return new Report(exitCode, refused);
    }
}
