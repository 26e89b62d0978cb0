package org.gbx.it.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.it.TestNetwork.MACAU_LIAISON;
import static org.gbx.it.TestNetwork.OVERSIGHT_AUDITOR;
import static org.gbx.it.TestNetwork.ZHUHAI_APPROVER;

import org.gbx.it.Await;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.model.DetailsCheck;
import org.gbx.it.TestNetwork.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Destruction purges the case details from both forces' peers, not just from the public record. */
class DetailsPurgeIT {

    private static final Officers OFFICERS = new Officers();
    private static final ExchangeSteps STEPS = new ExchangeSteps(OFFICERS);

    @AfterAll
    static void close() {
        OFFICERS.close();
    }

    @Test
    void after_destruction_the_details_are_gone_from_both_forces_peers() {
        String id = STEPS.newRequest();
        STEPS.reject(id);
        assertThat(OFFICERS.ledger(ZHUHAI_APPROVER).getPrivateDetails(id).bytes())
                .as("the sealed details are there before destruction").isEqualTo(STEPS.sealingOf(id).sealed().bytes());

        STEPS.destroy(id);

        // Peers apply purges as blocks commit (purgeInterval=1): new blocks push them along.
        for (User force : new User[] {MACAU_LIAISON, ZHUHAI_APPROVER}) {
            Await.until("details purged on the peer of " + force.mspId(), () -> purgedOn(force, id));
        }
        DetailsCheck check = OFFICERS.ledger(OVERSIGHT_AUDITOR).verifyDetailsHash(id);
        assertThat(check.requesterCopyHash()).isNull();
        assertThat(check.targetCopyHash()).isNull();
        assertThat(check.matches()).isFalse();
    }

    private static boolean purgedOn(User force, String id) {
        try {
            OFFICERS.ledger(force).getPrivateDetails(id);
        } catch (ChaincodeRefusalException refusal) {
            assertThat(refusal.code()).isEqualTo("DETAILS_UNAVAILABLE");
            return true;
        }
        OFFICERS.ledger(MACAU_LIAISON).ping(id + "-purge-" + System.nanoTime());
        return false;
    }
}
