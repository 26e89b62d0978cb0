package org.gbx.chaincode.rules;

import static org.gbx.chaincode.ErrorCode.FIELD_TOO_LONG;
import static org.gbx.chaincode.ErrorCode.INVALID_VALUE;
import static org.gbx.chaincode.ErrorCode.MALFORMED_ID;
import static org.gbx.chaincode.ErrorCode.MISSING_FIELD;
import static org.gbx.chaincode.ErrorCode.PERSONAL_DATA_SUSPECTED;
import static org.gbx.chaincode.ErrorCode.UNKNOWN_ENUM_VALUE;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Syntax of every value a client sends. Explanations name the field, never its value:
 * refusals are logged and the value might be personal data.
 */
public final class Input {
    public static final int MAX_PURPOSE = 500;
    public static final int MAX_LEGAL_BASIS = 300;
    public static final int MAX_NOTE = 500;
    /** Large enough that listing a busy ledger's requests takes a few calls, small enough to answer in one message. */
    public static final int MAX_PAGE_SIZE = 500;
    public static final int MAX_AUDIT_TRAILS = 50;
    public static final int MAX_BOOKMARK = 1024;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Input() {
    }

    /** A request or ping id chosen by the client. */
    public static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw MALFORMED_ID.refuse(field + " must match " + ID.pattern());
        }
        return value;
    }

    /**
     * An id the client chooses for a new record (request, ping): the syntax of {@link #id}, and no
     * identifier in it, since ids reach public state, events and logs. Ids are only checked this
     * way when a record is created, so a record keeps being readable by its id.
     */
    public static String newId(String field, String value) {
        return withoutPersonalData(field, id(field, value));
    }

    /** A list of 1 to {@link #MAX_AUDIT_TRAILS} request ids, each checked as {@link #id}. */
    public static List<String> ids(String field, String[] values) {
        inRange(field + " count", values.length, 1, MAX_AUDIT_TRAILS);
        return Arrays.stream(values).map(value -> id(field, value)).toList();
    }

    public static String mspId(String value) {
        if (value == null || !MSP_ID.matcher(value).matches()) {
            throw MALFORMED_ID.refuse("mspId must match " + MSP_ID.pattern());
        }
        return value;
    }

    public static String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw MISSING_FIELD.refuse(field + " is required");
        }
        return optionalText(field, value, maxLength);
    }

    /** Free text that may be absent (null or blank reads as absent). */
    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw FIELD_TOO_LONG.refuse(field + " is longer than " + maxLength + " characters");
        }
        return withoutPersonalData(field, value);
    }

    private static String withoutPersonalData(String field, String value) {
        PersonalData.find(value).ifPresent(shape -> {
            throw PERSONAL_DATA_SUSPECTED.refuse(field + " looks like it holds " + shape.description()
                    + "; personal data goes only in the case details");
        });
        return value;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw MISSING_FIELD.refuse(field + " is required");
        }
        return value;
    }

    public static String sha256Hex(String field, String value) {
        required(field, value);
        if (!SHA256_HEX.matcher(value).matches()) {
            throw INVALID_VALUE.refuse(field + " must be 64 lower-case hex characters");
        }
        return value;
    }

    public static long inRange(String field, Number value, long min, long max) {
        required(field, value);
        long n = value.longValue();
        if (n < min || n > max) {
            throw INVALID_VALUE.refuse(field + " must be between " + min + " and " + max);
        }
        return n;
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        required(field, value);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw UNKNOWN_ENUM_VALUE.refuse(field + " is not a known " + type.getSimpleName());
        }
    }

    public static int pageSize(String value) {
        try {
            return (int) inRange("pageSize", Integer.valueOf(required("pageSize", value)), 1, MAX_PAGE_SIZE);
        } catch (NumberFormatException e) {
            throw INVALID_VALUE.refuse("pageSize must be an integer");
        }
    }

    public static String bookmark(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > MAX_BOOKMARK) {
            throw FIELD_TOO_LONG.refuse("bookmark is longer than " + MAX_BOOKMARK + " characters");
        }
        return value;
    }
}
