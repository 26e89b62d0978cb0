package org.gbx.it.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.it.TestNetwork.MACAU_LIAISON;
import static org.gbx.it.TestNetwork.ZHUHAI_APPROVER;
import static org.gbx.it.TestNetwork.ZHUHAI_LIAISON;

import java.time.Duration;
import java.time.Instant;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Status;
import org.gbx.it.TestNetwork;
import org.gbx.it.ledger.AttackClient.Call;
import org.gbx.it.ledger.AttackClient.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The proposal timestamp is the client's choice; the attack client picks it. Both forces' peers
 * refuse one far from their clocks, and within the window every deadline is decided on the side
 * that cannot favour the client: no access, timely destruction or early expiry is won by
 * backdating or forward-dating (docs/ledger.md, "Time").
 */
class ClientChosenTimeIT {

    private static final Officers OFFICERS = new Officers();
    private static final ExchangeSteps STEPS = new ExchangeSteps(OFFICERS);
    /** Just inside the chaincode's 60 s window. */
    private static final Duration NEARLY_A_MINUTE = Duration.ofSeconds(55);

    private static final String DELIVERY = """
            {"packageHash":"%s","merkleRoot":"%s","recordCount":4,"sizeBytes":18432,"sourceReliability":"B",\
            "informationAccuracy":2,"categories":["IDENTITY"]}""".formatted(ExchangeSteps.PACKAGE_HASH,
            ExchangeSteps.MERKLE_ROOT);

    @AfterAll
    static void close() {
        OFFICERS.close();
    }

    private static Outcome endorsedByBothForces(TestNetwork.User who, Call call) throws Exception {
        return AttackClient.as(who).call(call.endorsedBy("macau", "zhuhai").submitted().waitingOn("zhuhai")).run().only();
    }

    @Test
    void a_proposal_far_from_the_peers_clocks_is_not_endorsed_by_either_force() throws Exception {
        String id = STEPS.newRequest();
        AttackClient.Report report = AttackClient.as(MACAU_LIAISON)
                .call(Call.of("GetRequest", id).endorsedBy("macau", "zhuhai").timestampedAt(Duration.ofSeconds(-90)))
                .call(Call.of("GetRequest", id).endorsedBy("macau", "zhuhai").timestampedAt(Duration.ofSeconds(90)))
                .call(Call.of("GetRequest", id).endorsedBy("macau", "zhuhai").timestampedAt(Duration.ofMinutes(-10)))
                .run();

        assertThat(report.outcomes().get(0).refusalCodes()).containsOnly("TIMESTAMP_OUT_OF_WINDOW");
        assertThat(report.outcomes().get(1).refusalCodes()).containsOnly("TIMESTAMP_OUT_OF_WINDOW");
        // Ten minutes off: the peers' own window (2 min) refuses it before the chaincode runs.
        assertThat(report.outcomes().get(2).endorsements()).allSatisfy(endorsement ->
                assertThat(endorsement.error()).contains("incorrect timestamp"));
    }

    @Test
    void backdating_and_forward_dating_within_the_window_win_no_deadline() throws Exception {
        // A grant that ends 20 s from now: the approval is backdated so the chaincode accepts an
        // expiry that close (it must be after the latest time the endorsement can have happened).
        String id = STEPS.newRequest();
        Instant expiry = Instant.now().plus(Duration.ofSeconds(20));
        Outcome approval = endorsedByBothForces(ZHUHAI_APPROVER, Call.of("ApproveRequest", id,
                ForgedEndorsementIT.grantJson(expiry, expiry)).timestampedAt(NEARLY_A_MINUTE.negated()));
        assertThat(approval.validationCodeOn("zhuhai")).as(approval.toString()).isEqualTo("VALID");
        Outcome delivery = endorsedByBothForces(ZHUHAI_LIAISON, Call.of("RecordDelivery", id, DELIVERY)
                .timestampedAt(NEARLY_A_MINUTE.negated()));
        assertThat(delivery.validationCodeOn("zhuhai")).as(delivery.toString()).isEqualTo("VALID");
        STEPS.awaitEverywhere(id, Status.DELIVERED);
        STEPS.receive(id);

        // Expiring it early by forward-dating: refused.
        Outcome earlyExpiry = AttackClient.as(ZHUHAI_LIAISON).call(Call.of("ExpireGrant", id)
                .endorsedBy("macau", "zhuhai").timestampedAt(NEARLY_A_MINUTE)).run().only();
        assertThat(earlyExpiry.refusalCodes()).containsOnly("DEADLINE_NOT_PASSED");

        // Retention stretched by forward-dating an approval: refused.
        String stretched = STEPS.newRequest();
        Outcome longRetention = AttackClient.as(ZHUHAI_APPROVER).call(Call.of("ApproveRequest", stretched,
                ForgedEndorsementIT.grantJson(Instant.now().plus(Duration.ofDays(7)),
                        Instant.now().plus(Duration.ofDays(30)).plus(Duration.ofSeconds(30))))
                .endorsedBy("macau", "zhuhai").timestampedAt(NEARLY_A_MINUTE)).run().only();
        assertThat(longRetention.refusalCodes()).containsOnly("INVALID_DEADLINE");

        // Once the expiry has passed on the peers' clocks, an access backdated into the grant: refused.
        waitUntilPassed(expiry);
        Outcome lateAccess = AttackClient.as(MACAU_LIAISON).call(Call.of("RecordAccess", id, "One more look")
                .endorsedBy("macau", "zhuhai").timestampedAt(NEARLY_A_MINUTE.negated())).run().only();
        assertThat(lateAccess.refusalCodes()).containsOnly("GRANT_EXPIRED");
        assertThat(OFFICERS.ledger(MACAU_LIAISON).listAccesses(id)).isEmpty();

        // A destruction after the destroy-by date, backdated to look in time: recorded, and late.
        Outcome destruction = endorsedByBothForces(MACAU_LIAISON, Call.of("RecordDestruction", id, "SECURE_ERASE")
                .timestampedAt(NEARLY_A_MINUTE.negated()));
        assertThat(destruction.validationCodeOn("zhuhai")).isEqualTo("VALID");
        ExchangeRequest destroyed = OFFICERS.ledger(ZHUHAI_LIAISON).getRequest(id);
        assertThat(destroyed.status()).isEqualTo(Status.DESTROYED);
        assertThat(destroyed.destruction().late()).isTrue();
        assertThat(destroyed.destruction().destroyedAt()).isBefore(expiry);
    }

    /** Waits (bounded, printing what for) until {@code instant} is at least a second in the past. */
    private static void waitUntilPassed(Instant instant) throws InterruptedException {
        Instant until = instant.plus(Duration.ofSeconds(1));
        System.out.println("waiting until the short grant's expiry " + instant + " has passed");
        while (Instant.now().isBefore(until)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), until).toMillis()));
        }
    }
}
