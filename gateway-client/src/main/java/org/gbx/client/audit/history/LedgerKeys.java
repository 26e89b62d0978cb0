package org.gbx.client.audit.history;

import java.util.Optional;

/**
 * The exchange chaincode's public key scheme (docs/ledger.md, "Keys"), read back from the
 * keys found in blocks.
 */
final class LedgerKeys {

    private static final String REQUEST = "request~";
    private static final String SUSPENSION = "suspension~";
    private static final String LOOKUP = "lookup~";
    /** Fabric composite keys: U+0000, object type, then each attribute followed by U+0000. */
    private static final String ACCESS = "\u0000access\u0000";

    private LedgerKeys() {
    }

    static Optional<String> requestId(String key) {
        return key.startsWith(REQUEST) ? Optional.of(key.substring(REQUEST.length())) : Optional.empty();
    }

    static Optional<String> lookupId(String key) {
        return key.startsWith(LOOKUP) ? Optional.of(key.substring(LOOKUP.length())) : Optional.empty();
    }

    static Optional<String> suspendedOrg(String key) {
        return key.startsWith(SUSPENSION) ? Optional.of(key.substring(SUSPENSION.length())) : Optional.empty();
    }

    /** The request id of an access record key {@code access [requestId, sequence]}. */
    static Optional<String> accessedRequestId(String key) {
        if (!key.startsWith(ACCESS)) {
            return Optional.empty();
        }
        String rest = key.substring(ACCESS.length());
        int end = rest.indexOf('\u0000');
        return end < 0 ? Optional.empty() : Optional.of(rest.substring(0, end));
    }
}
