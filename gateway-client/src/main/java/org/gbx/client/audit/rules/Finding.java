package org.gbx.client.audit.rules;

import java.time.Instant;

/**
 * One rule check that fired: which rule, how serious, on which request (or officer hash), when,
 * and a sentence for the committee. Never personal data: requests are named by id, officers by
 * their ledger hash.
 *
 * @param subject the request id, or for volume findings the officer hash
 */
public record Finding(String rule, Severity severity, String subject, String organisation, Instant at,
        String message) {
}
