package org.gbx.chaincode.ledger;

import java.util.Collection;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement.RoleType;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;

/**
 * Key-level endorsement policies, built only through the shim's state-based endorsement
 * API (hand-made policy bytes would be accepted and then make the key unwritable).
 * MEMBER suffices for "a peer of each organisation": only peers sign endorsements.
 */
public final class KeyPolicies {
    private KeyPolicies() {
    }

    /** Every listed organisation must endorse a change of the key. */
    public static byte[] allOf(Collection<String> mspIds) {
        StateBasedEndorsement policy = StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(null);
        policy.addOrgs(RoleType.RoleTypeMember, mspIds.toArray(String[]::new));
        return policy.policy();
    }
}
