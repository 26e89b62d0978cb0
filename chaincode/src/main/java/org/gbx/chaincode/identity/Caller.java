package org.gbx.chaincode.identity;

import static org.gbx.chaincode.ErrorCode.UNKNOWN_ROLE;

import java.util.Optional;
import org.gbx.chaincode.model.Identity;
import org.hyperledger.fabric.contract.ClientIdentity;

/**
 * The submitter of a transaction, taken only from its certificate: organisation, role
 * attribute, and the officer as a hash of the certificate's identity (never a name).
 */
public record Caller(String mspId, Optional<Role> role, String officer) {

    public static Caller of(ClientIdentity identity) {
        return new Caller(identity.getMSPID(),
                Role.fromAttribute(identity.getAttributeValue(Role.ATTRIBUTE)),
                Hashes.sha256Hex(identity.getId()));
    }

    /** The role, for every transaction except WhoAmI: an identity without one may do nothing. */
    public Role requireRole() {
        return role.orElseThrow(() -> UNKNOWN_ROLE.refuse("the certificate carries no known " + Role.ATTRIBUTE));
    }

    public boolean is(String org, Role expected) {
        return mspId.equals(org) && role.filter(expected::equals).isPresent();
    }

    public Identity identity() {
        return new Identity(mspId, role.map(Role::attributeValue).orElse(null), officer);
    }
}
