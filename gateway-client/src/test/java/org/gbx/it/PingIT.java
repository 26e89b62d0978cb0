package org.gbx.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.PingRecord;
import org.gbx.client.ledger.SubmitReceipt;
import org.junit.jupiter.api.Test;

class PingIT {

    @Test
    void a_ping_from_macau_is_read_back_through_the_zhuhai_and_committee_peers() {
        String pingId = TestNetwork.uniqueId("ping");
        SubmitReceipt receipt;
        try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON)) {
            receipt = TestNetwork.ledger(macau).ping(pingId);
        }
        assertThat(receipt.blockNumber()).isPositive();

        for (TestNetwork.User reader : new TestNetwork.User[] {TestNetwork.ZHUHAI_LIAISON, TestNetwork.OVERSIGHT_AUDITOR}) {
            try (LedgerConnection connection = TestNetwork.connect(reader)) {
                assertThat(connection.identity().organisation().peer().endpoint())
                        .isEqualTo(TestNetwork.config().requireOrganisation(reader.org()).peer().endpoint());
                PingRecord ping = readWhenCommitted(TestNetwork.ledger(connection), pingId);

                assertThat(ping.pingId()).isEqualTo(pingId);
                assertThat(ping.mspId()).isEqualTo("MacauPJMSP");
            }
        }
    }

    /** Another org's peer commits the block a moment after Macau's peer reported it. */
    private static PingRecord readWhenCommitted(ExchangeLedger ledger, String pingId) {
        return Await.until("ping " + pingId + " on the reader's peer", () -> {
            try {
                return Optional.of(ledger.getPing(pingId));
            } catch (ChaincodeRefusalException e) {
                if (!e.code().equals("NOT_FOUND")) {
                    throw e;
                }
                return Optional.empty();
            }
        });
    }
}
