package org.gbx.client.cli;

import java.io.PrintWriter;
import org.gbx.client.audit.chain.BlockSourceException;
import org.gbx.client.config.ConfigException;
import org.gbx.client.evidence.EvidenceException;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.CommitRejectedException;
import org.gbx.client.ledger.EndorsementFailedException;
import org.gbx.client.ledger.LedgerUnavailableException;
import org.gbx.client.ledger.PeerBehindException;
import org.gbx.client.ledger.RefusalCode;
import org.gbx.client.lookup.ask.LookupException;
import org.gbx.client.nodeapi.NodeApiException;
import org.gbx.client.records.DataFolderInUseException;
import org.gbx.client.records.RecordsException;
import org.gbx.client.usecase.NotReadyException;
import org.gbx.client.usecase.ReceivedDataAccess;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

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
        ParseErrors parseErrors = new ParseErrors(messages);
        err.println(parseErrors.describe(e));
        String suggestions = parseErrors.suggestions(e);
        if (!suggestions.isEmpty()) {
            err.println(suggestions);
        }
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
            return new Report(ExitCode.CONFIG, messages.vocabulary().with(config.reason(), config.arguments().toArray()));
        }
        if (e instanceof ChaincodeRefusalException refusal) {
            return describeRefusal(refusal);
        }
        if (e instanceof PeerBehindException behind) {
            OrganisationNames names = gbx.session().organisations();
            return new Report(ExitCode.UNAVAILABLE, messages.get("error.peerBehind",
                    names.displayName(behind.laggingMspId()), behind.laggingHeight(),
                    names.displayName(behind.aheadMspId()), behind.aheadHeight()));
        }
        if (e instanceof EndorsementFailedException failed && failed.peersDisagree()) {
            return new Report(ExitCode.NOT_ACCEPTED, messages.get("error.peersDisagree"));
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
            ExitCode exitCode = switch (evidence.reason()) {
                case NOT_ENDORSED -> ExitCode.REFUSED;
                case CA_FOLDER_EMPTY, CA_FILE_UNREADABLE -> ExitCode.USAGE;
                case RECORD_NOT_HELD, PACKAGE_NOT_KEPT, DELIVERY_NOT_FOUND -> ExitCode.NOT_FOUND;
            };
            return new Report(exitCode, messages.vocabulary().with(evidence.reason(), evidence.arguments()));
        }
        if (e instanceof RecordsException records) {
            return new Report(ExitCode.CONFIG, messages.get("error.records", records.getMessage()));
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
            Object[] shown = java.util.Arrays.stream(invalid.arguments()).map(this::shown).toArray();
            return new Report(ExitCode.USAGE, messages.get(invalid.messageKey(), shown));
        }
        return new Report(ExitCode.INTERNAL, messages.get("error.internal", e.getClass().getSimpleName()));
    }

    /**
     * A rule of the ledger refused: the ledger's refusal, not either force's decision (every peer
     * runs the same rules), so it names the rule, then the ledger's own code and, in the officer's
     * language, which part of the rule failed.
     */
    private Report describeRefusal(ChaincodeRefusalException refusal) {
        Messages words = messages;
        String rule = refusal.refusalCode().map(code -> words.vocabulary().of(code)).orElse(refusal.code());
        String explanation = LedgerExplanation.read(refusal.code(), refusal.reason())
                .map(reading -> LedgerExplanation.say(reading, words, gbx.session().organisations(),
                        gbx.session().time()))
                .orElse(gbx.session().time().localiseTimesIn(refusal.reason()));
        ExitCode exitCode = refusal.refusalCode().filter(code -> code == RefusalCode.NOT_FOUND).isPresent()
                ? ExitCode.NOT_FOUND : ExitCode.REFUSED;
        StringBuilder message = new StringBuilder();
        if (refusal.isAfterLostRace()) {
            // Another officer's transaction won the race (e.g. three accesses at once on a one-access grant).
            message.append(messages.get(refusal.code().equals("ACCESS_LIMIT_REACHED") ? "error.lostRace.grant"
                    : "error.lostRace.request")).append(System.lineSeparator());
        }
        message.append(messages.get("error.refused", rule, refusal.code(), explanation)
                .replace("%n", System.lineSeparator()));
        if (gbx.debug()) {
            refusal.refusals().forEach(peer -> message.append(System.lineSeparator()).append(messages.get(
                    "error.peerAnswer", gbx.session().organisations().displayName(peer.mspId()), peer.address(),
                    peer.message())));
        }
        return new Report(exitCode, message.toString());
    }

    /** A value inside an input error as the officer reads it: ledger vocabulary translated, lists joined. */
    private Object shown(Object argument) {
        Vocabulary vocabulary = messages.vocabulary();
        if (argument instanceof Enum<?> value && Vocabulary.PREFIXES.containsKey(value.getDeclaringClass())) {
            return vocabulary.of(value);
        }
        if (argument instanceof java.util.Collection<?> values) {
            return values.stream().map(this::shown).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(messages.get("list.separator")));
        }
        return argument;
    }
}
