package org.gbx.client.nodeapi;

import java.util.Optional;
import java.util.Set;

/**
 * Who calls the node's local API, from the enrolment certificate presented in the TLS handshake
 * (which must chain to the node's own force's CA): MSP, {@code gbx.role}, and the officer's
 * pseudonym on the ledger.
 */
public record Officer(String mspId, Optional<String> role, String officer) {

    public static final String LIAISON = "liaison";
    public static final String APPROVER = "approver";

    /** @throws NodeApiException NOT_ALLOWED unless the officer has one of {@code roles} */
    public void require(Set<String> roles, String what) {
        if (role.filter(roles::contains).isEmpty()) {
            throw new NodeApiException(NodeApiException.Reason.NOT_ALLOWED, "only a " + String.join(" or ", roles)
                    + " of " + mspId + " may " + what + " (your certificate's gbx.role: " + role.orElse("none") + ")");
        }
    }
}
