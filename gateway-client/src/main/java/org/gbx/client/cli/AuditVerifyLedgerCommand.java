package org.gbx.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gbx.client.audit.ChainVerification;
import org.gbx.client.audit.ChainVerificationResult;
import org.gbx.client.audit.CheckpointFile;
import org.gbx.client.audit.PeerComparison;
import org.gbx.client.audit.ProgressBar;
import org.gbx.client.audit.SavingBlockSource;
import org.gbx.client.audit.StatementSigner;
import org.gbx.client.audit.VerificationStatement;
import org.gbx.client.audit.chain.BlockSource;
import org.gbx.client.audit.chain.SavedBlocks;
import org.gbx.client.audit.chain.VerificationProblem;
import org.gbx.client.audit.history.HistoryComparison;
import org.gbx.client.audit.history.HistoryDifference;
import org.gbx.client.audit.history.LedgerChaincodeView;
import org.gbx.client.config.Organisation;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.LedgerUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gbx audit verify-ledger}: verifies every block from the committee's own peer (or a saved
 * copy), rebuilds every request's history, compares it with the chaincode's, optionally compares
 * the blocks with another organisation's peer, and signs a verification statement.
 */
@Command(name = "verify-ledger")
final class AuditVerifyLedgerCommand extends AuditCommand.AuditSubcommand {

    /** How many times to catch up with blocks committed during the verification before comparing. */
    private static final int CATCH_UP_ROUNDS = 3;

    @Option(names = "--blocks", paramLabel = "DIR", descriptionKey = "option.auditBlocks")
    Path savedCopy;

    @Option(names = "--save-blocks", paramLabel = "DIR", descriptionKey = "option.auditSaveBlocks")
    Path saveTo;

    @Option(names = "--checkpoint", paramLabel = "FILE", descriptionKey = "option.auditCheckpoint")
    Path checkpoint;

    @Option(names = "--compare-with", paramLabel = "ORG", descriptionKey = "option.auditCompareWith")
    String compareWith;

    @Option(names = "--statement", paramLabel = "FILE", descriptionKey = "option.auditStatement")
    Path statementFile;

    @Override
    ExitCode execute(CliSession session) {
        checkPaths(session);
        PrintWriter err = spec.commandLine().getErr();
        Messages messages = session.messages();
        String channel = session.config().channel();
        BlockSource source = savedCopy != null ? new SavedBlocks(savedCopy) : ownPeer(session);
        if (saveTo != null) {
            source = new SavingBlockSource(source, saveTo);
        }
        CheckpointFile checkpointFile = new CheckpointFile(checkpoint != null ? checkpoint : temporaryCheckpoint());
        ChainVerification verification = new ChainVerification(channel, session.config().chaincode(),
                Optional.of(checkpointFile), ProgressBar.on(err, messages.get("audit.progress.blocks"), terminal()));
        Verified verified;
        try {
            verified = verifyAndCompare(session, verification, source);
        } finally {
            // Also when a block cannot be read: a temporary checkpoint is never left behind.
            if (checkpoint == null) {
                deleteQuietly(checkpointFile.path());
            }
        }
        Optional<PeerComparison.Outcome> peers = Optional.ofNullable(compareWith)
                .map(org -> compareWithPeer(session, org, err));

        VerificationStatement statement = statement(session, verified.chain(), verified.differences(),
                verified.incomplete(), peers);
        Optional<Path> signature = Optional.ofNullable(statementFile)
                .map(file -> StatementSigner.write(statement, session.connection().identity(), file));
        print(session, verified.resumedFrom(), statement, signature);
        return switch (statement.result()) {
            case "INTACT" -> ExitCode.OK;
            case "INCOMPLETE" -> ExitCode.UNAVAILABLE;
            default -> ExitCode.AUDIT_PROBLEMS;
        };
    }

    private PeerComparison.Outcome compareWithPeer(CliSession session, String orgKey, PrintWriter err) {
        try (LedgerConnection connection = LedgerConnection.openThrough(session.config(), session.orgKey(),
                session.user(), orgKey)) {
            BlockSource theirs = peerOf(session, connection.network(), orgKey);
            return PeerComparison.compare(ownPeer(session), theirs,
                    ProgressBar.on(err, session.messages().get("audit.progress.compared"), terminal()));
        }
    }

    /** The walk, and the comparison with the chaincode; what a run with the same checkpoint adds. */
    private record Verified(ChainVerificationResult chain, long resumedFrom,
            Optional<List<HistoryDifference>> differences, Optional<String> incomplete) {
    }

    private Verified verifyAndCompare(CliSession session, ChainVerification verification, BlockSource source) {
        ChainVerificationResult chain = verification.run(source);
        long resumedFrom = chain.resumedFromBlock();
        // A saved copy is verified offline: the live chaincode may have moved on since.
        if (savedCopy != null) {
            return new Verified(chain, resumedFrom, Optional.empty(), Optional.empty());
        }
        try {
            LedgerChaincodeView chaincode = new LedgerChaincodeView(session.ledger(), forces(session));
            List<HistoryDifference> differences = HistoryComparison.compare(chain.rebuilt(), chaincode);
            // The ledger moves on while it is verified: a difference may only mean the chaincode
            // already answers from blocks committed since. Verify those (the checkpoint makes it
            // incremental) and compare again; a real difference stays.
            for (int round = 1; round <= CATCH_UP_ROUNDS && !differences.isEmpty(); round++) {
                chain = verification.run(source);
                differences = HistoryComparison.compare(chain.rebuilt(), chaincode);
            }
            return new Verified(chain, resumedFrom, Optional.of(differences), Optional.empty());
        } catch (LedgerUnavailableException e) {
            return new Verified(chain, resumedFrom, Optional.empty(),
                    Optional.of(session.messages().get("audit.value.chaincodeUnavailable", e.getMessage())));
        }
    }

    private static Path temporaryCheckpoint() {
        try {
            Path file = Files.createTempFile("gbx-audit-", ".checkpoint.json");
            Files.delete(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary checkpoint file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file holds hashes only; nothing to report to the auditor.
        }
    }

    /** Every organisation of the config but the committee's own: the forces whose requests are listed. */
    private static List<String> forces(CliSession session) {
        String own = session.config().requireOrganisation(session.orgKey()).mspId();
        return session.config().organisations().stream().map(Organisation::mspId).filter(m -> !m.equals(own)).toList();
    }

    private static VerificationStatement statement(CliSession session, ChainVerificationResult chain,
            Optional<List<HistoryDifference>> differences, Optional<String> incomplete,
            Optional<PeerComparison.Outcome> peers) {
        List<String> problems = new ArrayList<>(chain.problems().stream()
                .map(VerificationProblem::toString).toList());
        peers.ifPresent(p -> p.divergences().forEach(d -> problems.add(d.toString())));
        List<String> historyDifferences = differences.orElse(List.of()).stream().map(HistoryDifference::toString)
                .toList();
        Messages messages = session.messages();
        String chaincode = differences.map(d -> d.isEmpty()
                ? messages.get("audit.value.noDifference", chain.rebuilt().requests().size())
                : messages.get("audit.value.differences", d.size()))
                .or(() -> incomplete).orElse(messages.get("audit.value.notCompared"));
        String peer = peers.map(p -> p.divergences().isEmpty()
                ? messages.get("audit.value.peerSame", Math.min(p.ownHeight(), p.otherHeight()) - 1, p.other(),
                        p.otherHeight(), p.ownHeight())
                : messages.get("audit.value.peerDiverges", p.divergences().size(), p.other()))
                .orElse(messages.get("audit.value.notCompared"));
        // Problems found outweigh a comparison that could not run; without either, INTACT.
        String result = !problems.isEmpty() || !historyDifferences.isEmpty() ? "PROBLEMS_FOUND"
                : incomplete.isPresent() ? "INCOMPLETE" : "INTACT";
        return new VerificationStatement(VerificationStatement.TITLE, chain.channel(), chain.source(), chain.height(),
                chain.genesisHeaderHash(), chain.lastHeaderHash(), chain.transactions(), chain.validTransactions(),
                chain.rebuilt().requests().size(), chaincode, peer, problems, historyDifferences,
                result, Instant.now(), session.connection().identity()
                        .organisation().mspId());
    }

    private static void print(CliSession session, long resumedFrom, VerificationStatement statement,
            Optional<Path> signature) {
        Output output = session.output();
        if (output.isJson()) {
            output.json(statement);
            return;
        }
        Messages messages = session.messages();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(messages.get("audit.field.channel"), statement.channel());
        fields.put(messages.get("audit.field.source"), statement.source());
        fields.put(messages.get("audit.field.blocks"), statement.blocks()
                + (resumedFrom > 0 ? " " + messages.get("audit.value.resumed", resumedFrom) : ""));
        fields.put(messages.get("audit.field.genesis"), statement.genesisHeaderHash());
        fields.put(messages.get("audit.field.last"), statement.lastHeaderHash());
        fields.put(messages.get("audit.field.transactions"), messages.get("audit.value.transactions",
                statement.transactions(), statement.validTransactions()));
        fields.put(messages.get("audit.field.requests"), Integer.toString(statement.requestsRebuilt()));
        fields.put(messages.get("audit.field.chaincode"), statement.chaincodeComparison());
        fields.put(messages.get("audit.field.peer"), statement.peerComparison());
        fields.put(messages.get("audit.field.result"), switch (statement.result()) {
            case "INTACT" -> messages.get("audit.value.intact");
            case "INCOMPLETE" -> messages.get("audit.value.incomplete");
            default -> messages.get("audit.value.problems",
                    statement.problems().size() + statement.historyDifferences().size());
        });
        signature.ifPresent(p -> fields.put(messages.get("audit.field.statement"), p.toString()));
        output.fields(fields);
        list(output, messages.get("audit.heading.problems"), statement.problems());
        list(output, messages.get("audit.heading.differences"), statement.historyDifferences());
    }

    private static void list(Output output, String heading, List<String> lines) {
        if (!lines.isEmpty()) {
            output.line(heading);
            lines.forEach(line -> output.line("  " + line));
        }
    }

    /** Every folder and file named, before a block is read: a typo is a usage error, not a failed audit. */
    private void checkPaths(CliSession session) {
        if (savedCopy != null) {
            InputFiles.readableFolder(savedCopy);
        }
        if (saveTo != null) {
            InputFiles.writableFolder(saveTo);
        }
        if (checkpoint != null) {
            InputFiles.readWriteFile(checkpoint);
        }
        if (statementFile != null) {
            InputFiles.writableFile(statementFile);
        }
        if (compareWith != null) {
            session.config().requireOrganisation(compareWith);
        }
    }
}
