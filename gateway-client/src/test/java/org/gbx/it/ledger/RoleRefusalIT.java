package org.gbx.it.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gbx.it.TestNetwork.MACAU_APPROVER;
import static org.gbx.it.TestNetwork.MACAU_LIAISON;
import static org.gbx.it.TestNetwork.OVERSIGHT_AUDITOR;
import static org.gbx.it.TestNetwork.ZHUHAI_LIAISON;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gbx.it.Await;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.model.Status;
import org.gbx.it.TestNetwork;
import org.gbx.it.TestNetwork.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each kind of forbidden step, tried through the real network: the peers' chaincode refuses it
 * with its error code, and the request stays as it was.
 */
class RoleRefusalIT {

    private static final Officers OFFICERS = new Officers();
    private static final ExchangeSteps STEPS = new ExchangeSteps(OFFICERS);

    @AfterAll
    static void close() {
        OFFICERS.close();
    }

    private static String refusalCode(ThrowingCallable forbidden) {
        ChaincodeRefusalException refusal = catchThrowableOfType(ChaincodeRefusalException.class, forbidden);
        assertThat(refusal).as("a refusal by the chaincode").isNotNull();
        return refusal.code();
    }

    @Test
    void the_requesting_forces_approver_cannot_approve_its_own_request() {
        String id = STEPS.newRequest();

        assertThat(refusalCode(() -> OFFICERS.ledger(MACAU_APPROVER).approveRequest(id, ExchangeSteps.grant())))
                .isEqualTo("UNAUTHORIZED");
        assertThat(OFFICERS.ledger(MACAU_APPROVER).getRequest(id).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void a_liaison_of_the_target_force_cannot_approve() {
        String id = STEPS.newRequest();

        assertThat(refusalCode(() -> OFFICERS.ledger(ZHUHAI_LIAISON).approveRequest(id, ExchangeSteps.grant())))
                .isEqualTo("UNAUTHORIZED");
        assertThat(OFFICERS.ledger(ZHUHAI_LIAISON).getRequest(id).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void the_committee_cannot_create_a_request() {
        String id = TestNetwork.uniqueId("it-committee");

        assertThat(refusalCode(() -> OFFICERS.ledger(OVERSIGHT_AUDITOR)
                .createRequest(id, SyntheticCase.TERMS_FOR_ZHUHAI, TestNetwork.sealedForNoOne(id, SyntheticCase.DETAILS))))
                .isEqualTo("UNAUTHORIZED");
        assertThat(refusalCode(() -> OFFICERS.ledger(OVERSIGHT_AUDITOR).getRequest(id))).isEqualTo("NOT_FOUND");
    }

    @Test
    void destroyed_data_can_no_longer_be_accessed() {
        String id = STEPS.receivedRequest();
        STEPS.destroy(id);

        assertThat(refusalCode(() -> OFFICERS.ledger(MACAU_LIAISON).recordAccess(id, "One more look")))
                .isEqualTo("ILLEGAL_TRANSITION");
        assertThat(OFFICERS.ledger(MACAU_LIAISON).getRequest(id).accessCount()).isZero();
    }

    /**
     * Suspends Macau for the few seconds the refusal takes: the network is shared, so other tests
     * creating Macau requests meanwhile would be refused too; the window is kept as short as it can be.
     */
    @Test
    void a_suspended_force_cannot_access_data_it_received() {
        String id = STEPS.receivedRequest();
        String macau = MACAU_LIAISON.mspId();

        OFFICERS.ledger(OVERSIGHT_AUDITOR).suspendOrg(macau, "Audit of access justifications");
        try {
            awaitSuspension(macau, true);
            assertThat(refusalCode(() -> OFFICERS.ledger(MACAU_LIAISON).recordAccess(id, "Case review")))
                    .isEqualTo("ORG_SUSPENDED");
        } finally {
            OFFICERS.ledger(OVERSIGHT_AUDITOR).unsuspendOrg(macau, "Audit closed");
            awaitSuspension(macau, false);
        }
        assertThat(OFFICERS.ledger(MACAU_LIAISON).getRequest(id).status()).isEqualTo(Status.RECEIVED);
    }

    /** Both forces' peers endorse the access, so both must have seen the committee's decision. */
    private static void awaitSuspension(String mspId, boolean suspended) {
        for (User force : new User[] {MACAU_LIAISON, ZHUHAI_LIAISON}) {
            Await.until(mspId + (suspended ? " suspended" : " unsuspended") + " on the peer of " + force.mspId(),
                    () -> OFFICERS.ledger(force).getSuspension(mspId).suspended() == suspended);
        }
    }
}
