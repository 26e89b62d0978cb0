package org.gbx.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.Optional;
import org.gbx.client.ledger.LedgerEvent;
import org.gbx.client.lookup.IdentifierType;
import org.gbx.client.model.EndorsementStatus;
import org.gbx.client.model.LedgerEventType;
import org.gbx.client.model.Status;

/**
 * One ledger event as an officer reads it in {@code gbx watch}: time, block, what happened, to
 * which request or force. Never fails on what a newer chaincode might send (an unknown event,
 * status or a payload of another shape): it shows it as it came, so a watch never stops on it.
 */
final class EventView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Messages messages;
    private final Vocabulary vocabulary;
    private final OrganisationNames organisations;
    private final TimeDisplay time;

    EventView(CliSession session) {
        this(session.messages(), session.organisations(), session.time());
    }

    EventView(Messages messages, OrganisationNames organisations, TimeDisplay time) {
        this.messages = messages;
        this.vocabulary = messages.vocabulary();
        this.organisations = organisations;
        this.time = time;
    }

    String line(LedgerEvent event) {
        JsonNode payload = parse(event.payload());
        Optional<LedgerEventType> type = LedgerEventType.named(event.name());
        String what = type.map(vocabulary::of).orElse(event.name());
        LedgerEventType.Subject subject = type.map(LedgerEventType::subject).orElse(null);
        String at = text(payload, "at");
        String about;
        String detail;
        if (subject == LedgerEventType.Subject.REQUEST) {
            about = text(payload, "requestId");
            detail = vocabulary.ofText(Status.class, text(payload, "status")) + "  "
                    + organisations.displayName(text(payload, "requesterOrg")) + " → "
                    + organisations.displayName(text(payload, "targetOrg"));
        } else if (subject == LedgerEventType.Subject.ENDORSEMENT) {
            at = text(payload, "endorsedAt").isEmpty() ? text(payload, "requestedAt") : text(payload, "endorsedAt");
            about = text(payload, "requestId");
            detail = vocabulary.ofText(EndorsementStatus.class, text(payload, "status"));
        } else if (subject == LedgerEventType.Subject.SUSPENSION) {
            about = organisations.displayName(text(payload, "org"));
            detail = "";
        } else if (subject == LedgerEventType.Subject.LOOKUP_KEY) {
            at = text(payload, "updatedAt");
            about = organisations.displayName(text(payload, "org"));
            detail = messages.get("watch.lookupKey", text(payload, "epoch"), payload.path("setSize").asLong());
        } else if (subject == LedgerEventType.Subject.LOOKUP) {
            // The identifier never reaches the ledger: only its type.
            about = text(payload, "lookupId");
            detail = vocabulary.ofText(IdentifierType.class, text(payload, "idType")) + "  "
                    + organisations.displayName(text(payload, "askerOrg")) + " → "
                    + organisations.displayName(text(payload, "holderOrg"));
        } else if (subject == LedgerEventType.Subject.PING) {
            about = text(payload, "pingId");
            detail = organisations.displayName(text(payload, "mspId"));
        } else {
            about = firstOf(payload, "requestId", "pingId", "org");
            detail = "";
        }
        return String.join("  ", time.format(at), "#" + event.blockNumber(), what, about, detail).stripTrailing();
    }

    private static JsonNode parse(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static String firstOf(JsonNode payload, String... fields) {
        for (String field : fields) {
            if (!text(payload, field).isEmpty()) {
                return text(payload, field);
            }
        }
        return "";
    }
}
