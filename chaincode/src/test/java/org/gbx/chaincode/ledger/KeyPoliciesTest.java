package org.gbx.chaincode.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gbx.chaincode.testing.DecodedKeyPolicy;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;
import org.junit.jupiter.api.Test;

class KeyPoliciesTest {

    @Test
    void requires_a_peer_of_every_listed_organisation_never_a_mere_member() {
        DecodedKeyPolicy policy = DecodedKeyPolicy.of(KeyPolicies.allOf(List.of("MacauPJMSP", "ZhuhaiPSBMSP")));

        assertThat(policy.mspIds()).containsExactlyInAnyOrder("MacauPJMSP", "ZhuhaiPSBMSP");
        assertThat(policy.roles()).containsOnly(MSPRoleType.PEER);
        assertThat(policy.required()).isEqualTo(2);
    }
}
