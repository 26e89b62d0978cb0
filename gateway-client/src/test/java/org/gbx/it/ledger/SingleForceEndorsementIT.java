package org.gbx.it.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.it.TestNetwork.ZHUHAI_APPROVER;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.HistoryEntry;
import org.gbx.client.model.Status;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The key-level policy of a request needs a peer of each force. Macau's and the committee's
 * peers together satisfy the chaincode's majority policy, so they can endorse Zhuhai's approval
 * without Zhuhai's peer; the peers must still throw that transaction out at commit.
 */
class SingleForceEndorsementIT {

    private static final Officers OFFICERS = new Officers();
    private static final ExchangeSteps STEPS = new ExchangeSteps(OFFICERS);

    @AfterAll
    static void close() {
        OFFICERS.close();
    }

    @Test
    void an_approval_endorsed_without_the_target_forces_peer_is_invalidated_at_commit() throws Exception {
        String id = STEPS.newRequest();
        Contract zhuhai = OFFICERS.connection(ZHUHAI_APPROVER).contract();

        // The raw Gateway SDK: the facade always lets the key's policy choose the endorsers.
        SubmittedTransaction submitted = zhuhai.newProposal("ApproveRequest")
                .addArguments(id, grantJson())
                .setEndorsingOrganizations("MacauPJMSP", "OversightMSP")
                .build()
                .endorse()
                .submitAsync();
        org.hyperledger.fabric.client.Status commit = submitted.getStatus();

        assertThat(commit.isSuccessful()).isFalse();
        assertThat(commit.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        // Read through Zhuhai's peer, which reported the commit status, so it has that block.
        ExchangeRequest after = OFFICERS.ledger(ZHUHAI_APPROVER).getRequest(id);
        assertThat(after.status()).isEqualTo(Status.PENDING);
        assertThat(after.grant()).isNull();
        List<Status> history = OFFICERS.ledger(ZHUHAI_APPROVER).getHistory(id).stream()
                .map(HistoryEntry::record).map(ExchangeRequest::status).toList();
        assertThat(history).containsExactly(Status.PENDING);
    }

    @Test
    void the_same_approval_endorsed_by_both_forces_commits() {
        String id = STEPS.newRequest();

        assertThat(STEPS.approve(id).value().status()).isEqualTo(Status.PARTIALLY_APPROVED);
    }

    /** {@code grantJson} as docs/ledger.md defines it; the facade's serialiser is package-private. */
    private static String grantJson() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                {"categories":["IDENTITY"],"expiresAt":"%s","destroyBy":"%s","maxAccesses":2,"conditions":"H1 applies"}"""
                .formatted(now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(14)));
    }
}
