package org.gbx.it.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.it.TestNetwork.MACAU_LIAISON;

import org.gbx.it.TestNetwork;
import org.gbx.it.ledger.AttackClient.Call;
import org.gbx.it.ledger.AttackClient.Outcome;
import org.gbx.it.ledger.AttackClient.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A transaction with private data endorsed without Zhuhai's peer is invalid, and Zhuhai's peer has
 * nothing to fetch for it: with Fabric's defaults it tried for 60 s before committing the block,
 * holding up every later transaction. Now (network-config/nodes/peer.env) a legitimate transaction
 * broadcast right after such a CreateRequest and RecordDestruction commits on Zhuhai's peer within 2 s.
 */
class CommitStallIT {

    private static final Officers OFFICERS = new Officers();
    private static final ExchangeSteps STEPS = new ExchangeSteps(OFFICERS);
    private static final double LIMIT_SECONDS = 2.0;

    @AfterAll
    static void close() {
        OFFICERS.close();
    }

    @Test
    void invalid_private_data_transactions_do_not_hold_up_the_other_forces_commits() throws Exception {
        String destroyed = STEPS.receivedRequest();
        String created = TestNetwork.uniqueId("atk-stall");
        String ping = TestNetwork.uniqueId("atk-stall-ping");

        Report report = AttackClient.as(MACAU_LIAISON)
                .call(Call.of("CreateRequest", created, ForgedEndorsementIT.requestJson())
                        .withTransient("details", SyntheticCase.DETAILS.text())
                        .endorsedBy("macau", "oversight").submitted().waitingOn("zhuhai"))
                .call(Call.of("RecordDestruction", destroyed, "SECURE_ERASE")
                        .endorsedBy("macau", "oversight").submitted().waitingOn("zhuhai"))
                .call(Call.of("Ping", ping).endorsedBy("macau", "zhuhai").submitted().waitingOn("zhuhai"))
                .run();

        Outcome create = report.outcomes().get(0);
        Outcome destroy = report.outcomes().get(1);
        Outcome legitimate = report.outcomes().get(2);
        System.out.printf("invalid CreateRequest committed on Zhuhai's peer after %.2f s, invalid RecordDestruction "
                + "after %.2f s, the Ping after it after %.2f s%n", create.commits().get("zhuhai").seconds(),
                destroy.commits().get("zhuhai").seconds(), legitimate.commits().get("zhuhai").seconds());
        assertThat(create.validationCodeOn("zhuhai")).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
        assertThat(destroy.validationCodeOn("zhuhai")).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
        assertThat(legitimate.validationCodeOn("zhuhai")).isEqualTo("VALID");
        assertThat(legitimate.commits().get("zhuhai").seconds()).as("seconds until the Ping committed on Zhuhai's peer")
                .isLessThan(LIMIT_SECONDS);
        assertThat(OFFICERS.ledger(TestNetwork.ZHUHAI_LIAISON).getPing(ping).pingId()).isEqualTo(ping);
    }
}
