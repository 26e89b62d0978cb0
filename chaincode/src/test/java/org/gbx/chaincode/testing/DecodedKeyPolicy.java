package org.gbx.chaincode.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * A key-level endorsement policy decoded from its bytes, so tests see the role the shim's
 * {@code listOrgs()} hides: a MEMBER principal would let any client certificate of a force count.
 */
public record DecodedKeyPolicy(List<String> mspIds, List<MSPRole.MSPRoleType> roles, int required) {

    public static DecodedKeyPolicy of(byte[] policyBytes) {
        try {
            SignaturePolicyEnvelope envelope = SignaturePolicyEnvelope.parseFrom(policyBytes);
            List<MSPRole> principals = envelope.getIdentitiesList().stream().map(DecodedKeyPolicy::role).toList();
            return new DecodedKeyPolicy(principals.stream().map(MSPRole::getMspIdentifier).toList(),
                    principals.stream().map(MSPRole::getRole).toList(), envelope.getRule().getNOutOf().getN());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a signature policy envelope", e);
        }
    }

    private static MSPRole role(MSPPrincipal principal) {
        if (principal.getPrincipalClassification() != MSPPrincipal.Classification.ROLE) {
            throw new IllegalArgumentException("principal is not a role: " + principal.getPrincipalClassification());
        }
        try {
            return MSPRole.parseFrom(principal.getPrincipal());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("principal is not an MSP role", e);
        }
    }
}
