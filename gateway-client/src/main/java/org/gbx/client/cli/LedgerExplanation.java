package org.gbx.client.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gbx.client.ledger.RefusalCode;
import org.gbx.client.model.Role;
import org.gbx.client.model.Status;

/**
 * Every form the chaincode's refusal explanations take (docs/ledger.md, Explanations; a test
 * holds the two lists equal), so the explanation can be said in the officer's language: each form
 * has its message {@code explanation.<NAME>}, filled with the values read out of the ledger's
 * words, each shown as an officer reads it (times in the display zone, statuses and roles
 * translated). An explanation in no known form is shown as the ledger wrote it.
 */
enum LedgerExplanation {
    ID_PATTERN(RefusalCode.MALFORMED_ID, "{field} must match {pattern}"),
    NOT_AN_OBJECT(RefusalCode.MALFORMED_JSON, "{field} must be a JSON object"),
    UNREADABLE_JSON(RefusalCode.MALFORMED_JSON, "{field} could not be read as {type}"),
    INVALID_JSON(RefusalCode.MALFORMED_JSON, "{field} is not valid JSON for {type}"),
    REQUIRED(RefusalCode.MISSING_FIELD, "{field} is required"),
    CONDITIONS_FOR_H3(RefusalCode.MISSING_FIELD, "handlingConditions is required with handling code H3"),
    NO_CATEGORY(RefusalCode.MISSING_FIELD, "categories must name at least one category"),
    UNKNOWN_VALUE(RefusalCode.UNKNOWN_ENUM_VALUE, "{field} is not a known {type}"),
    UNKNOWN_VALUE_INSIDE(RefusalCode.UNKNOWN_ENUM_VALUE, "{field} has a value that is not a known {type}"),
    TOO_MANY_CHARACTERS(RefusalCode.FIELD_TOO_LONG, "{field} is longer than {n} characters"),
    TOO_MANY_BYTES(RefusalCode.FIELD_TOO_LONG, "{field} is longer than {n} bytes"),
    DETAILS_TOO_LARGE(RefusalCode.FIELD_TOO_LONG, "the case details are larger than {n} bytes"),
    OUT_OF_RANGE(RefusalCode.INVALID_VALUE, "{field} must be between {n} and {n}"),
    NOT_A_HASH(RefusalCode.INVALID_VALUE, "{field} must be 64 lower-case hex characters"),
    WRONG_FORM(RefusalCode.INVALID_VALUE, "{field} has a value of the wrong form at {path}"),
    NOT_AN_INTEGER(RefusalCode.INVALID_VALUE, "{field} must be an integer"),
    NOT_BASE64(RefusalCode.INVALID_VALUE, "{field} must be base64"),
    PERSONAL_DATA(RefusalCode.PERSONAL_DATA_SUSPECTED, "{field} looks like it holds {shape}; personal data goes only in the case details"),
    DETAILS_NOT_SENT(RefusalCode.MISSING_DETAILS, "the case details must come in transient key 'details'"),
    TARGET_NOT_ANOTHER_FORCE(RefusalCode.INVALID_TARGET, "the target must be another force, not the requester or the committee"),
    COMMITTEE_NOT_SUSPENDABLE(RefusalCode.INVALID_TARGET, "the committee cannot suspend itself"),
    NO_SUCH_REQUEST(RefusalCode.NOT_FOUND, "no request with this id"),
    NO_SUCH_PING(RefusalCode.NOT_FOUND, "no ping with this id"),
    NO_SUCH_ENDORSEMENT(RefusalCode.NOT_FOUND, "no endorsement was asked for this record"),
    ID_TAKEN(RefusalCode.REQUEST_ID_CONFLICT, "a different request already has this id"),
    NO_ROLE(RefusalCode.UNKNOWN_ROLE, "the certificate carries no known gbx.role"),
    ROLE_MAY_NOT(RefusalCode.UNAUTHORIZED, "{role} of {org} may not {transaction} on this request"),
    ONLY_REQUESTER_ASKS_ENDORSEMENT(RefusalCode.UNAUTHORIZED, "only a liaison of the requesting force asks for an endorsement"),
    ONLY_OWNER_ENDORSES(RefusalCode.UNAUTHORIZED, "only an approver of the force that delivered the data endorses it"),
    ONLY_FORCES_READ_DETAILS(RefusalCode.UNAUTHORIZED, "only a liaison or approver of a force of the request reads its details"),
    ONLY_COMMITTEE_SUSPENDS(RefusalCode.UNAUTHORIZED, "only an auditor or admin of {org} suspends a force"),
    FORCE_SUSPENDED(RefusalCode.ORG_SUSPENDED, "a force of this request is suspended by the committee"),
    NOT_IN_THIS_STATUS(RefusalCode.ILLEGAL_TRANSITION, "{transaction} is not allowed on a request that is {status}"),
    ENDORSED_ONLY_WHEN_RECEIVED(RefusalCode.ILLEGAL_TRANSITION, "records are endorsed only on a received request, not one that is {status}"),
    ALREADY_ENDORSED(RefusalCode.ILLEGAL_TRANSITION, "this record is already endorsed"),
    GRANT_BEYOND_REQUEST(RefusalCode.GRANT_EXCEEDS_REQUEST, "granted categories must be a non-empty subset of the requested ones"),
    DELIVERY_BEYOND_GRANT(RefusalCode.CATEGORY_NOT_GRANTED, "delivered categories must be a non-empty subset of the granted ones"),
    EXPIRY_NOT_AFTER_NOW(RefusalCode.INVALID_DEADLINE, "expiresAt must be after {time}, the latest time the transaction can have been made"),
    DESTRUCTION_BEFORE_EXPIRY(RefusalCode.INVALID_DEADLINE, "destroyBy must not be before expiresAt {time}"),
    DESTRUCTION_BEYOND_RETENTION(RefusalCode.INVALID_DEADLINE, "destroyBy must be within retentionDays {n} of the earliest time the transaction can have been made, at the latest {time}"),
    EXPIRED_AT(RefusalCode.GRANT_EXPIRED, "the grant expires at {time}; data may not be used in its last {n} s"),
    ACCESSES_USED_UP(RefusalCode.ACCESS_LIMIT_REACHED, "the grant allows {n} accesses"),
    NOT_EXPIRED_YET(RefusalCode.DEADLINE_NOT_PASSED, "the grant has not expired yet"),
    ALREADY_SUSPENDED(RefusalCode.SUSPENSION_UNCHANGED, "the force is already suspended"),
    NOT_SUSPENDED(RefusalCode.SUSPENSION_UNCHANGED, "the force is not suspended"),
    NO_DETAILS_HERE(RefusalCode.DETAILS_UNAVAILABLE, "this organisation holds no case details for the request"),
    PROOF_MISSES_ROOT(RefusalCode.NOT_IN_DELIVERY, "the proof does not take this leaf to the delivered Merkle root"),
    ASKED_UNDER_OTHER_DELIVERY(RefusalCode.ENDORSEMENT_CONFLICT, "this record was asked for under another delivery"),
    ONLY_ADMIN_CALLS(RefusalCode.UNAUTHORIZED, "only an admin may call this transaction"),
    ONLY_COMMITTEE_REGISTERS(RefusalCode.UNAUTHORIZED, "only an admin of {org} registers a force"),
    REQUESTER_NOT_REGISTERED(RefusalCode.UNAUTHORIZED, "the requesting force is not registered on this ledger"),
    COMMITTEE_NOT_A_FORCE(RefusalCode.INVALID_TARGET, "the committee is not a force"),
    TARGET_NOT_REGISTERED(RefusalCode.INVALID_TARGET, "the target is not a force registered on this ledger"),
    NOT_A_CHANNEL_MEMBER(RefusalCode.INVALID_TARGET, "the organisation is not a member of this channel"),
    NOT_A_REGISTERED_FORCE(RefusalCode.INVALID_TARGET, "the organisation is not a force registered on this ledger"),
    DETAILS_THROUGH_OTHER_PEER(RefusalCode.DETAILS_UNAVAILABLE, "this peer is another organisation's: read the details through a peer of your own organisation"),
    CLOCK_OFF(RefusalCode.TIMESTAMP_OUT_OF_WINDOW, "the proposal's timestamp is more than {n} s from this peer's clock; check the clock of the client's computer"),
    NO_TRANSACTION_NAMED(RefusalCode.UNKNOWN_TRANSACTION, "no transaction named: the first argument is its name"),
    NO_SUCH_TRANSACTION(RefusalCode.UNKNOWN_TRANSACTION, "no transaction of this name (docs/ledger.md lists them)"),
    ONE_ARGUMENT(RefusalCode.MALFORMED_ARGUMENTS, "this transaction takes {n} argument, not {n}"),
    ARGUMENTS(RefusalCode.MALFORMED_ARGUMENTS, "this transaction takes {n} arguments, not {n}"),
    NO_SUCH_LOOKUP(RefusalCode.NOT_FOUND, "no lookup with this id"),
    LOOKUP_ID_TAKEN(RefusalCode.LOOKUP_ID_CONFLICT, "a different lookup already has this id"),
    LOOKUP_FORCE_SUSPENDED(RefusalCode.ORG_SUSPENDED, "a force of this lookup is suspended by the committee"),
    NO_SUCH_LOOKUP_KEY(RefusalCode.LOOKUP_KEY_UNKNOWN, "this force has published no such key"),
    HOLDER_HAS_NO_KEY(RefusalCode.LOOKUP_KEY_UNKNOWN, "the holder has published no lookup key"),
    HOLDER_KEY_ROTATED(RefusalCode.LOOKUP_KEY_UNKNOWN, "the holder's current lookup key is epoch {n}"),
    ONLY_LIAISON_LOOKS_UP(RefusalCode.UNAUTHORIZED, "only a liaison officer of a force records a lookup"),
    LOOKUP_NOT_OF_ANOTHER_FORCE(RefusalCode.INVALID_TARGET, "a lookup asks another force, not the asker or the committee"),
    ONLY_FORCE_PUBLISHES_KEY(RefusalCode.UNAUTHORIZED, "only a liaison officer or admin of a force publishes its lookup key"),
    LOOKUP_CAP(RefusalCode.LOOKUP_CAP_REACHED, "this officer has recorded {n} lookups today (UTC+8)"),
    KEY_EPOCH_TAKEN(RefusalCode.LOOKUP_KEY_CONFLICT, "epoch {n} already has another public key; rotate to epoch {n}"),
    KEY_EPOCH_NEXT(RefusalCode.LOOKUP_KEY_CONFLICT, "the next epoch of this force's lookup key is {n}"),
    NOT_A_PUBLIC_KEY(RefusalCode.INVALID_VALUE, "publicKey must be a compressed P-256 point: 66 lower-case hex characters"),
    NOT_ON_THE_CURVE(RefusalCode.INVALID_VALUE, "publicKey is not a point of P-256: no y satisfies the curve's equation for its x"),
    LOOKUP_OF_OTHER_FORCES(RefusalCode.LOOKUP_MISMATCH, "the lookup was made by another force or of another force"),
    LOOKUP_ALREADY_USED(RefusalCode.LOOKUP_MISMATCH, "the lookup already led to another request"),
    DETAILS_PLAIN(RefusalCode.DETAILS_NOT_SEALED, "the case details must be sealed (gbx-sealed-details/1), never plain");

    /** What a placeholder stands for, how to find it in the ledger's words and how to show it. */
    enum Placeholder {
        FIELD("[A-Za-z][A-Za-z0-9.\\[\\]]*(?: count)?"),
        N("-?[0-9]+"),
        TIME("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z"),
        STATUS("[A-Z_]+"),
        TRANSACTION("[A-Z][A-Za-z]+"),
        ROLE("[a-z]+(?: role)?"),
        ORG("[A-Za-z0-9.-]+"),
        TYPE("[A-Z][A-Za-z]*(?:\\[\\])?"),
        PATTERN(".+"),
        PATH(".+"),
        SHAPE("an? [A-Za-z ,()-]+");

        private final String regex;

        Placeholder(String regex) {
            this.regex = regex;
        }
    }

    /** One explanation read out of the ledger's words: its form and the values in it, in order. */
    record Reading(LedgerExplanation form, List<Placeholder> kinds, List<String> values) {
    }

    /** In a holder: an enum's constructors cannot read its own static fields. */
    private static final class Syntax {
        static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)\\}");
    }

    private final RefusalCode code;
    private final String template;
    private final Pattern pattern;
    private final List<Placeholder> kinds;

    LedgerExplanation(RefusalCode code, String template) {
        this.code = code;
        this.template = template;
        List<Placeholder> found = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = Syntax.PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            Placeholder kind = Placeholder.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
            found.add(kind);
            regex.append(Pattern.quote(template.substring(at, m.start()))).append('(').append(kind.regex).append(')');
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        this.pattern = Pattern.compile(regex.toString());
        this.kinds = List.copyOf(found);
    }

    RefusalCode code() {
        return code;
    }

    /** The form as docs/ledger.md writes it. */
    String template() {
        return template;
    }

    static Optional<Reading> read(String code, String explanation) {
        return Arrays.stream(values()).filter(form -> form.code.name().equals(code))
                .map(form -> form.match(explanation)).flatMap(Optional::stream).findFirst();
    }

    private Optional<Reading> match(String explanation) {
        Matcher m = pattern.matcher(explanation);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            values.add(m.group(i));
        }
        return Optional.of(new Reading(this, kinds, values));
    }

    /** The explanation in the officer's words. */
    static String say(Reading reading, Messages messages, OrganisationNames organisations, TimeDisplay time) {
        Vocabulary vocabulary = messages.vocabulary();
        Object[] shown = new Object[reading.values().size()];
        for (int i = 0; i < shown.length; i++) {
            String value = reading.values().get(i);
            shown[i] = switch (reading.kinds().get(i)) {
                case FIELD -> messages.find("ledgerField." + value.replace(" count", "")).orElse(value);
                case TIME -> time.format(value);
                case STATUS -> vocabulary.ofText(Status.class, value);
                case TRANSACTION -> messages.find("transaction." + value).orElse(value);
                case ROLE -> Role.ofAttribute(value).map(vocabulary::of).orElse(value);
                case ORG -> organisations.displayName(value);
                case TYPE -> messages.find("ledgerType." + value.replace("[]", "")).orElse(value);
                case SHAPE -> PersonalDataShape.describedAs(value).map(vocabulary::of).orElse(value);
                // A number, for the messages that count in words ({0,choice,1#1 access|1<{0} accesses}).
                case N -> new java.math.BigInteger(value);
                case PATTERN, PATH -> value;
            };
        }
        return vocabulary.with(reading.form(), shown);
    }
}
