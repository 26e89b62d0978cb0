package org.gbx.client.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gbx.client.audit.chain.ProblemKind;
import org.gbx.client.config.ConfigException;
import org.gbx.client.evidence.EvidenceCheck;
import org.gbx.client.evidence.EvidenceException;
import org.gbx.client.evidence.Finding;
import org.gbx.client.ledger.RefusalCode;
import org.gbx.client.lookup.IdentifierType;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.DestructionMethod;
import org.gbx.client.model.EndorsementStatus;
import org.gbx.client.model.HandlingCode;
import org.gbx.client.model.LedgerEventType;
import org.gbx.client.model.Role;
import org.gbx.client.model.Status;
import org.gbx.client.model.Urgency;

/**
 * The ledger's typed vocabulary in the officer's words: each enum's values have one message each,
 * under the prefix listed here. The list is also what the translation test walks, so a value added
 * to any of these enums without its three translations fails the build.
 */
public final class Vocabulary {

    static final Map<Class<? extends Enum<?>>, String> PREFIXES = prefixes();

    private final Messages messages;

    Vocabulary(Messages messages) {
        this.messages = messages;
    }

    private static Map<Class<? extends Enum<?>>, String> prefixes() {
        Map<Class<? extends Enum<?>>, String> prefixes = new LinkedHashMap<>();
        prefixes.put(Status.class, "status");
        prefixes.put(DataCategory.class, "category");
        prefixes.put(Urgency.class, "urgency");
        prefixes.put(HandlingCode.class, "handling");
        prefixes.put(DestructionMethod.class, "method");
        prefixes.put(LedgerEventType.class, "event");
        prefixes.put(EndorsementStatus.class, "endorsementStatus");
        prefixes.put(RefusalCode.class, "refusal");
        prefixes.put(EvidenceCheck.class, "evidence.check");
        prefixes.put(Role.class, "role");
        prefixes.put(OverdueCommand.Kind.class, "overdue");
        prefixes.put(ProblemKind.class, "problem");
        prefixes.put(PersonalDataShape.class, "personalDataShape");
        prefixes.put(IdentifierType.class, "idType");
        prefixes.put(org.gbx.client.records.IdType.class, "recordIdType");
        // Messages with arguments, one per value: said with with(value, arguments).
        prefixes.put(ConfigException.Reason.class, "error.config");
        prefixes.put(EvidenceException.Reason.class, "error.evidence");
        prefixes.put(Finding.Form.class, "evidence.finding");
        prefixes.put(LedgerExplanation.class, "explanation");
        return Map.copyOf(prefixes);
    }

    static String key(Enum<?> value) {
        String prefix = PREFIXES.get(value.getDeclaringClass());
        if (prefix == null) {
            throw new IllegalArgumentException(value.getDeclaringClass() + " is not in the vocabulary");
        }
        return prefix + "." + value.name();
    }

    /** The message for {@code value} filled with {@code arguments}: for vocabulary whose words carry values. */
    public String with(Enum<?> value, Object... arguments) {
        return messages.get(key(value), arguments);
    }

    /** The officer's word for {@code value}; an empty string for no value. */
    public String of(Enum<?> value) {
        return value == null ? "" : messages.get(key(value));
    }

    /**
     * The officer's word for a value the ledger sent as text: its translation when it is one of
     * {@code type}'s values, else the text as it came (a newer chaincode may send values this
     * client does not know yet; showing them beats failing).
     */
    public <E extends Enum<E>> String ofText(Class<E> type, String text) {
        if (text == null) {
            return "";
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return of(value);
            }
        }
        return text;
    }

    public String categories(List<DataCategory> categories) {
        return categories == null ? "" : categories.stream().map(this::of).collect(Collectors.joining(messages.get("list.separator")));
    }

    /** A handling code with what it means: "H1 (not for judicial proceedings without the provider's consent)". */
    public String handling(HandlingCode code) {
        return code == null ? "" : messages.get("handling.withMeaning", code.name(), of(code));
    }
}
