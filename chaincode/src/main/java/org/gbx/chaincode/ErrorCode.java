package org.gbx.chaincode;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Why a transaction was refused. The name is the {@link ChaincodeException} payload, so
 * clients branch on the code instead of parsing text. Messages never echo argument values:
 * they could carry personal data and the shim logs refusals.
 */
public enum ErrorCode {
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
    LOOKUP_MISMATCH;

    /** The exception to throw: message {@code CODE: explanation}, payload {@code CODE}. */
    public ChaincodeException refuse(String explanation) {
        return new ChaincodeException(name() + ": " + explanation, name().getBytes(StandardCharsets.UTF_8));
    }

    /** The code carried by a refusal, for tests and callers inside the chaincode. */
    public static ErrorCode of(ChaincodeException refusal) {
        return valueOf(new String(refusal.getPayload(), StandardCharsets.UTF_8));
    }
}
