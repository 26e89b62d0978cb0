package org.gbx.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.HandlingCode;
import org.gbx.client.model.NewRequest;
import org.gbx.client.model.Urgency;
import org.gbx.client.usecase.RequestCreation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gbx request create}: a liaison officer asks the other force for data. The case details
 * are read from a file, sealed here, their key handed to the force's own exchange node, and only
 * the sealed details sent, as transient data, to the two forces ({@link RequestCreation}).
 */
@Command(name = "create")
final class RequestCreateCommand extends LedgerCommand {

    @Option(names = "--id", paramLabel = "ID", descriptionKey = "option.requestId.create")
    String requestId;

    @Option(names = "--target", required = true, paramLabel = "ORG", descriptionKey = "option.target")
    String target;

    @Option(names = "--purpose", required = true, paramLabel = "TEXT", descriptionKey = "option.purpose")
    String purpose;

    @Option(names = "--legal-basis", required = true, paramLabel = "TEXT", descriptionKey = "option.legalBasis")
    String legalBasis;

    @Option(names = "--categories", required = true, split = ",", paramLabel = "CATEGORY",
            descriptionKey = "option.categories")
    List<DataCategory> categories;

    @Option(names = "--handling", paramLabel = "CODE", descriptionKey = "option.handling")
    HandlingCode handling = HandlingCode.H0;

    @Option(names = "--handling-conditions", paramLabel = "TEXT", descriptionKey = "option.handlingConditions")
    String handlingConditions;

    @Option(names = "--urgency", paramLabel = "URGENCY", descriptionKey = "option.urgency")
    Urgency urgency = Urgency.NORMAL;

    @Option(names = "--retention-days", paramLabel = "DAYS", descriptionKey = "option.retentionDays")
    int retentionDays = 30;

    @Option(names = "--lookup", paramLabel = "LOOKUP_ID", descriptionKey = "option.requestLookup")
    String lookupId;

    @Option(names = "--details", required = true, paramLabel = "FILE", descriptionKey = "option.details")
    Path detailsFile;

    /** The ledger's limit on the case details (docs/ledger.md, transient {@code details}). */
    static final int MAX_DETAILS_BYTES = org.gbx.client.crypto.DetailsSealing.MAX_PLAINTEXT_BYTES;

    @Override
    void execute(CliSession session) {
        String id = requestId != null ? LocalChecks.requestId(requestId) : newRequestId();
        String targetMsp = session.organisations().mspId(target);
        if (targetMsp.equals(session.ownMspId())) {
            throw new InvalidInputException("input.targetIsOwnForce", target);
        }
        if (!session.organisations().isForce(targetMsp)) {
            throw new InvalidInputException("input.targetNotAForce", target);
        }
        LocalChecks.text("--purpose", purpose, LocalChecks.MAX_PURPOSE, true);
        LocalChecks.text("--legal-basis", legalBasis, LocalChecks.MAX_LEGAL_BASIS, true);
        LocalChecks.text("--handling-conditions", handlingConditions, LocalChecks.MAX_NOTE,
                handling == HandlingCode.H3);
        LocalChecks.range("--retention-days", retentionDays, 1, LocalChecks.MAX_RETENTION_DAYS);
        if (lookupId != null) {
            LocalChecks.lookupId(lookupId);
        }
        CaseDetails details = readDetails();
        NewRequest request = new NewRequest(targetMsp, purpose, legalBasis, handling, handlingConditions, categories,
                urgency, retentionDays, lookupId);
        RequestCreation.Outcome outcome = new RequestCreation(session.ledger(), session.node())
                .create(id, request, details, session.ownMspId());
        if (!outcome.alreadyExisted()) {
            SubmittedRequestPrinter.print(session, new Submitted<>(outcome.request(), outcome.receipt()));
        } else if (session.output().isJson()) {
            session.output().json(Map.of("request", outcome.request(), "alreadyExisted", true));
        } else {
            session.output().line(session.messages().get("create.alreadyExists", id,
                    session.time().format(outcome.request().createdAt()), new RequestView(session).status(outcome.request())));
        }
    }

    private CaseDetails readDetails() {
        byte[] bytes;
        try {
            bytes = detailsFile.toString().equals("-")
                    ? System.in.readAllBytes()
                    : Files.readAllBytes(InputFiles.readableFile(detailsFile));
        } catch (IOException e) {
            throw new InvalidInputException("input.unreadableDetails", detailsFile);
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("input.emptyDetails", detailsFile);
        }
        if (bytes.length > MAX_DETAILS_BYTES) {
            throw new InvalidInputException("input.detailsTooLarge", detailsFile, bytes.length, MAX_DETAILS_BYTES);
        }
        return CaseDetails.of(bytes);
    }

    /**
     * REQ- and four groups of four random letters (75 bits): ids reach public state, so the
     * chaincode refuses one that looks like an identifier, as a UUID's digit runs sometimes do.
     */
    static String newRequestId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder("REQ");
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                id.append('-');
            }
            id.append((char) ('a' + random.nextInt(26)));
        }
        return id.toString();
    }
}
