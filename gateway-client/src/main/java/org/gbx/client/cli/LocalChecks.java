package org.gbx.client.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Status;

/**
 * What gbx checks before it sends anything, so a mistake the ledger would refuse is a usage error
 * (exit 2) that names the option, and nothing is written. The limits are the ledger's
 * (docs/ledger.md, Identifiers and limits); the ledger checks them again, whatever a client does.
 */
final class LocalChecks {

    static final int MAX_PURPOSE = 500;
    static final int MAX_LEGAL_BASIS = 300;
    static final int MAX_NOTE = 500;
    static final int MAX_RETENTION_DAYS = 365;
    static final int MAX_ACCESSES = 1000;

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** The ledger's guard: ID card, passport, phone and plate numbers all contain long digit runs. */
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9０-９]{7,}");

    private LocalChecks() {
    }

    static String requestId(String id) {
        if (id == null || !REQUEST_ID.matcher(id).matches()) {
            throw new InvalidInputException("input.badRequestId", id);
        }
        return id;
    }

    /** A lookup id has the form of a request id (docs/ledger.md, Identifiers and limits). */
    static String lookupId(String id) {
        if (!REQUEST_ID.matcher(id).matches()) {
            throw new InvalidInputException("input.badLookupId", id);
        }
        return id;
    }

    static String recordId(String id) {
        if (id == null || !RECORD_ID.matcher(id).matches()) {
            throw new InvalidInputException("input.badRecordId", id);
        }
        return id;
    }

    /** Free text the ledger keeps in public: required or not, at most {@code max} characters, no digit runs. */
    static String text(String option, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException("input.textRequired", option);
            }
            return value;
        }
        if (value.length() > max) {
            throw new InvalidInputException("input.textTooLong", option, value.length(), max);
        }
        if (DIGIT_RUN.matcher(value).find()) {
            throw new InvalidInputException("input.personalData", option);
        }
        return value;
    }

    static long range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidInputException("input.outOfRange", option, value, min, max);
        }
        return value;
    }

    /**
     * The grant an approver is about to give, against the request as the ledger holds it: still
     * pending, only categories that were asked for, and now < expires <= destroy-by <= now + retention.
     */
    /** How far a proposal's time may be from the peers' clocks (docs/ledger.md, "Time"). */
    static final Duration LEDGER_CLOCK_ALLOWANCE = Duration.ofSeconds(60);

    static void grant(ExchangeRequest request, List<DataCategory> granted, Instant expires, Instant destroyBy,
            Instant now, TimeDisplay time) {
        if (request.status() != Status.PENDING) {
            throw new InvalidInputException("input.notPending", request.requestId(), request.status());
        }
        List<DataCategory> extra = granted.stream().filter(c -> !request.categories().contains(c)).toList();
        if (!extra.isEmpty()) {
            throw new InvalidInputException("input.grantBeyondRequest", extra, request.categories());
        }
        if (!expires.isAfter(now)) {
            throw new InvalidInputException("input.expiryNotAfterNow", time.format(expires), time.format(now));
        }
        if (destroyBy.isBefore(expires)) {
            throw new InvalidInputException("input.destructionBeforeExpiry", time.format(destroyBy),
                    time.format(expires));
        }
        // as the ledger counts it: from the earliest time the approval's proposal may carry
        Instant retentionEnd = now.minus(LEDGER_CLOCK_ALLOWANCE).plus(Duration.ofDays(request.retentionDays()));
        if (destroyBy.isAfter(retentionEnd)) {
            throw new InvalidInputException("input.destructionBeyondRetention", time.format(destroyBy),
                    request.retentionDays(), time.format(retentionEnd));
        }
    }
}
