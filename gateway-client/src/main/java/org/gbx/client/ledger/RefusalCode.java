package org.gbx.client.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * The chaincode's error codes (docs/ledger.md, Error codes): the rule a refusal names. A code this
 * client does not know (a newer chaincode) reads as empty and is shown as the ledger wrote it.
 */
public enum RefusalCode {
    MALFORMED_ID,
    MALFORMED_JSON,
    MISSING_FIELD,
    UNKNOWN_ENUM_VALUE,
    FIELD_TOO_LONG,
    INVALID_VALUE,
    PERSONAL_DATA_SUSPECTED,
    MISSING_DETAILS,
    INVALID_TARGET,
    NOT_FOUND,
    REQUEST_ID_CONFLICT,
    UNKNOWN_ROLE,
    UNAUTHORIZED,
    ORG_SUSPENDED,
    ILLEGAL_TRANSITION,
    GRANT_EXCEEDS_REQUEST,
    CATEGORY_NOT_GRANTED,
    INVALID_DEADLINE,
    GRANT_EXPIRED,
    ACCESS_LIMIT_REACHED,
    DEADLINE_NOT_PASSED,
    SUSPENSION_UNCHANGED,
    DETAILS_UNAVAILABLE,
    NOT_IN_DELIVERY,
    ENDORSEMENT_CONFLICT,
    TIMESTAMP_OUT_OF_WINDOW,
    UNKNOWN_TRANSACTION,
    MALFORMED_ARGUMENTS,
    LOOKUP_CAP_REACHED,
    LOOKUP_KEY_UNKNOWN,
    LOOKUP_KEY_CONFLICT,
    LOOKUP_ID_CONFLICT,
    LOOKUP_MISMATCH,
    DETAILS_NOT_SEALED;

    public static Optional<RefusalCode> named(String code) {
        return Arrays.stream(values()).filter(value -> value.name().equals(code)).findFirst();
    }
}
