package org.gbx.client.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChaincodeErrorTest {

    @Test
    void reads_code_and_message_from_a_gateway_peer_message() {
        assertThat(ChaincodeError.fromPeerMessage(
                "chaincode response 500, GRANT_EXPIRED: grant expired at 2026-12-03T06:00:00Z"))
                .contains(new ChaincodeError("GRANT_EXPIRED", "grant expired at 2026-12-03T06:00:00Z"));
    }

    @Test
    void finds_the_chaincode_response_inside_a_longer_gateway_description() {
        assertThat(ChaincodeError.fromPeerMessage(
                "evaluate call to endorser returned error: chaincode response 500, NOT_FOUND: no request with this id"))
                .contains(new ChaincodeError("NOT_FOUND", "no request with this id"));
    }

    @Test
    void keeps_an_uncoded_chaincode_message_whole() {
        assertThat(ChaincodeError.fromPeerMessage("chaincode response 500, Undefined contract method called"))
                .contains(new ChaincodeError(ChaincodeError.UNCODED, "Undefined contract method called"));
    }

    @Test
    void is_absent_when_the_peer_never_ran_the_chaincode() {
        assertThat(ChaincodeError.fromPeerMessage("no peer combination can satisfy the endorsement policy")).isEmpty();
        assertThat(ChaincodeError.fromPeerMessage(null)).isEmpty();
    }
}
