package org.gbx.client.cli;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gbx.client.config.Organisation;
import org.gbx.client.ledger.LookupLedger;
import org.gbx.client.lookup.Identifier;
import org.gbx.client.lookup.IdentifierType;
import org.gbx.client.lookup.InvalidIdentifierException;
import org.gbx.client.lookup.LookupFolders;
import org.gbx.client.lookup.ReceivedSets;
import org.gbx.client.lookup.ask.LookupAsker;
import org.gbx.client.lookup.ask.LookupOutcome;
import org.gbx.client.lookup.node.LookupDirectory;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.LookupQuota;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.NodeTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gbx lookup}: asks another force whether it holds anything under one identifier, without
 * telling it the identifier (docs/lookup.md). The lookup is on the ledger before the other force
 * answers; a hit shows the categories and counts, and the request to ask for the records.
 */
@Command(name = "lookup")
final class LookupCommand extends LedgerCommand {

    @Option(names = "--target", required = true, paramLabel = "ORG", descriptionKey = "option.lookupTarget")
    String target;

    @Option(names = "--id-type", required = true, paramLabel = "TYPE", descriptionKey = "option.lookupIdType")
    String idType;

    @Option(names = "--id", required = true, paramLabel = "IDENTIFIER", descriptionKey = "option.lookupId")
    String id;

    @Option(names = "--purpose", required = true, paramLabel = "TEXT", descriptionKey = "option.purpose")
    String purpose;

    @Option(names = "--legal-basis", required = true, paramLabel = "TEXT", descriptionKey = "option.legalBasis")
    String legalBasis;

    @Option(names = "--lookup", paramLabel = "ID", descriptionKey = "option.lookupRecordId")
    String lookupId;

    @Option(names = "--holder-node", paramLabel = "HOST:PORT", descriptionKey = "option.holderNode")
    String holderNode;

    @Mixin
    RecordsOptions records;

    @Override
    void execute(CliSession session) {
        IdentifierType type = IdentifierType.fromOptionName(idType).orElseThrow(() -> new InvalidInputException(
                "input.unknownIdType", idType, java.util.Arrays.stream(IdentifierType.values())
                        .map(IdentifierType::optionName).collect(Collectors.joining(", "))));
        Identifier identifier;
        try {
            identifier = type.identifier(id);
        } catch (InvalidIdentifierException e) {
            throw new InvalidInputException("input.badIdentifier", type.optionName());
        }
        String holder = session.organisations().mspId(target);
        Organisation own = session.config().requireOrganisation(session.orgKey());
        if (own.exchangeNode() == null) {
            throw new InvalidInputException("input.noExchangeNode", own.key());
        }
        Gbx gbx = (Gbx) spec.root().userObject();
        LookupLedger ledger = LookupLedger.over(session.connection());
        LookupOutcome outcome;
        try (LookupAsker asker = new LookupAsker(ledger,
                new ReceivedSets(LookupFolders.sets(records.home(session, gbx))),
                new LookupDirectory(session.config(), holderNode == null ? Map.of() : Map.of(holder, holderNode)),
                new NodeTls(own.exchangeNode().certificate(), own.exchangeNode().privateKey()),
                ChannelTrust.of(session.config()), new SecureRandom())) {
            outcome = asker.ask(lookupId != null ? lookupId : "LKP-" + UUID.randomUUID(), holder, identifier, purpose,
                    legalBasis);
        }
        print(session, outcome, ledger.quota());
    }

    private void print(CliSession session, LookupOutcome outcome, LookupQuota quota) {
        Output output = session.output();
        Messages messages = session.messages();
        String holderName = session.organisations().displayName(outcome.lookup().holderOrg());
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("lookup", outcome.lookup());
            json.put("hit", outcome.isHit());
            Map<String, Integer> counts = new LinkedHashMap<>();
            outcome.hit().ifPresent(data -> data.counts().forEach((category, n) -> counts.put(category.name(), n)));
            json.put("counts", counts);
            json.put("transactionId", outcome.receipt().transactionId());
            json.put("blockNumber", outcome.receipt().blockNumber());
            json.put("ledgerMillis", outcome.ledgerMillis());
            json.put("answerMillis", outcome.answerMillis());
            json.put("quota", quota);
            output.json(json);
            return;
        }
        String typeName = messages.vocabulary().ofText(IdentifierType.class, outcome.lookup().idType());
        if (outcome.isHit()) {
            output.line(messages.get("lookup.hit", holderName, typeName, outcome.lookup().lookupId(),
                    outcome.receipt().blockNumber()));
            output.line("  " + outcome.hit().get().counts().entrySet().stream()
                    .map(e -> messages.vocabulary().of(e.getKey()) + " " + e.getValue())
                    .collect(Collectors.joining(messages.get("list.separator"))));
            String categories = outcome.hit().get().categories().stream().map(DataCategory::name)
                    .collect(Collectors.joining(","));
            output.line(messages.get("lookup.offerRequest"));
            output.line(messages.get("lookup.requestCommand", target, outcome.lookup().lookupId(), quoted(purpose),
                    quoted(legalBasis), categories));
            output.line(messages.get("lookup.requestDetails"));
        } else {
            output.line(messages.get("lookup.noHit", holderName, typeName, outcome.lookup().lookupId(),
                    outcome.receipt().blockNumber()));
        }
        output.line(messages.get("lookup.quota", quota.left(), quota.cap()));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
