package org.gbx.chaincode.ledger;

import java.util.Collection;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement.RoleType;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;

/**
 * Key-level endorsement policies, built only through the shim's state-based endorsement
 * API (hand-made policy bytes would be accepted and then make the key unwritable).
 * The role is PEER, not MEMBER: any client certificate of a force is a MEMBER, so with MEMBER a
 * client's own signature could stand in for its force's endorsement. NodeOUs are enabled, so
 * only certificates with OU=peer satisfy PEER.
 */
public final class KeyPolicies {
    private KeyPolicies() {
    }

    /** Every listed organisation must endorse a change of the key. */
    public static byte[] allOf(Collection<String> mspIds) {
        StateBasedEndorsement policy = StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(null);
        policy.addOrgs(RoleType.RoleTypePeer, mspIds.toArray(String[]::new));
        return policy.policy();
    }
}
