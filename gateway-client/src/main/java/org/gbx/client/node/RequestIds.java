package org.gbx.client.node;

import java.util.regex.Pattern;

/** The ledger's request id syntax (docs/ledger.md); checked before an id names a folder. */
final class RequestIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private RequestIds() {
    }

    static boolean isValid(String requestId) {
        return requestId != null && ID.matcher(requestId).matches() && !requestId.contains("..");
    }
}
