package org.gbx.client.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gbx.client.connection.Deadlines;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class TransactionRunnerTest {

    private final FakeContract fake = new FakeContract();
    private final List<Duration> pauses = new ArrayList<>();

    private TransactionRunner runner(int maxAttempts) {
        return new TransactionRunner(fake.contract(), Deadlines.defaults(),
                new ConflictRetry(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(1)), pauses::add);
    }

    @Test
    void retries_a_read_conflict_with_a_new_proposal() {
        fake.then(new FakeContract.Commits(TxValidationCode.MVCC_READ_CONFLICT, ""))
                .then(new FakeContract.Commits(TxValidationCode.PHANTOM_READ_CONFLICT, ""))
                .then(new FakeContract.Commits(TxValidationCode.VALID, "{}"));

        SubmitReceipt receipt = runner(5).submit(TransactionCall.of("RecordAccess", "REQ-1")).receipt();

        assertThat(receipt.attempts()).isEqualTo(3);
        assertThat(receipt.transactionId()).isEqualTo("tx3");
        assertThat(fake.built()).extracting(FakeContract.Built::transactionId).containsExactly("tx1", "tx2", "tx3");
        assertThat(pauses).hasSize(2).allSatisfy(p -> assertThat(p).isBetween(Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    @Test
    void retries_when_the_peers_endorsements_do_not_match() {
        fake.then(new FakeContract.EndorsementRefused(Status.Code.ABORTED, "ZhuhaiPSBMSP",
                "ProposalResponsePayloads do not match"))
                .then(new FakeContract.Commits(TxValidationCode.VALID, "{}"));

        assertThat(runner(5).submit(TransactionCall.of("RecordAccess", "REQ-1")).receipt().attempts()).isEqualTo(2);
    }

    @Test
    void gives_up_after_the_bounded_number_of_attempts() {
        for (int i = 0; i < 3; i++) {
            fake.then(new FakeContract.Commits(TxValidationCode.MVCC_READ_CONFLICT, ""));
        }

        assertThatThrownBy(() -> runner(3).submit(TransactionCall.of("RecordAccess", "REQ-1")))
                .isInstanceOfSatisfying(CommitRejectedException.class, e -> {
                    assertThat(e.validationCode()).isEqualTo("MVCC_READ_CONFLICT");
                    assertThat(e.transactionId()).isEqualTo("tx3");
                });
        assertThat(fake.built()).hasSize(3);
    }

    @Test
    void retries_a_policy_failure_caused_by_a_concurrent_policy_rewrite_but_only_boundedly() {
        for (int i = 0; i < 2; i++) {
            fake.then(new FakeContract.Commits(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, ""));
        }

        assertThatThrownBy(() -> runner(2).submit(TransactionCall.of("ApproveRequest", "REQ-1")))
                .isInstanceOfSatisfying(CommitRejectedException.class,
                        e -> assertThat(e.validationCode()).isEqualTo("ENDORSEMENT_POLICY_FAILURE"));
        assertThat(fake.built()).hasSize(2);
    }

    @Test
    void does_not_retry_a_transaction_the_peers_found_malformed() {
        fake.then(new FakeContract.Commits(TxValidationCode.BAD_PAYLOAD, ""));

        assertThatThrownBy(() -> runner(5).submit(TransactionCall.of("ApproveRequest", "REQ-1")))
                .isInstanceOf(CommitRejectedException.class);
        assertThat(fake.built()).hasSize(1);
    }

    @Test
    void a_refusal_of_the_retry_after_a_lost_race_says_so() {
        fake.then(new FakeContract.Commits(TxValidationCode.MVCC_READ_CONFLICT, ""))
                .then(new FakeContract.EndorsementRefused(Status.Code.ABORTED, "ZhuhaiPSBMSP",
                        "chaincode response 500, ACCESS_LIMIT_REACHED: the grant allows 1 accesses"));

        assertThatThrownBy(() -> runner(5).submit(TransactionCall.of("RecordAccess", "REQ-1")))
                .isInstanceOfSatisfying(ChaincodeRefusalException.class, e -> {
                    assertThat(e.code()).isEqualTo("ACCESS_LIMIT_REACHED");
                    assertThat(e.isAfterLostRace()).isTrue();
                });
    }

    @Test
    void a_refusal_at_the_first_attempt_lost_no_race() {
        fake.then(new FakeContract.EndorsementRefused(Status.Code.ABORTED, "ZhuhaiPSBMSP",
                "chaincode response 500, ACCESS_LIMIT_REACHED: the grant allows 1 accesses"));

        assertThatThrownBy(() -> runner(5).submit(TransactionCall.of("RecordAccess", "REQ-1")))
                .isInstanceOfSatisfying(ChaincodeRefusalException.class, e -> assertThat(e.isAfterLostRace()).isFalse());
    }

    @Test
    void a_chaincode_refusal_names_the_refusing_organisation_and_the_code() {
        fake.then(new FakeContract.EndorsementRefused(Status.Code.ABORTED, "ZhuhaiPSBMSP",
                "chaincode response 500, GRANT_EXPIRED: grant expired at 2026-12-03T06:00:00Z"));

        assertThatThrownBy(() -> runner(5).submit(TransactionCall.of("RecordAccess", "REQ-1")))
                .isInstanceOfSatisfying(ChaincodeRefusalException.class, e -> {
                    assertThat(e.refusingMspId()).isEqualTo("ZhuhaiPSBMSP");
                    assertThat(e.code()).isEqualTo("GRANT_EXPIRED");
                    assertThat(e.reason()).isEqualTo("grant expired at 2026-12-03T06:00:00Z");
                    assertThat(e.transactionName()).isEqualTo("RecordAccess");
                    assertThat(e.refusals()).singleElement()
                            .extracting(PeerRefusal::address).isEqualTo("127.0.0.1:8051");
                });
    }

    @Test
    void an_unsatisfiable_policy_is_an_endorsement_failure_not_a_refusal() {
        fake.then(new FakeContract.EndorsementRefused(Status.Code.UNAVAILABLE, "MacauPJMSP",
                "no peer combination can satisfy the endorsement policy"));

        assertThatThrownBy(() -> runner(5).submit(TransactionCall.of("Ping", "p1")))
                .isInstanceOf(LedgerUnavailableException.class);
    }

    @Test
    void a_deadline_is_reported_as_unavailable_with_the_step() {
        fake.then(new FakeContract.EndorsementRefused(Status.Code.DEADLINE_EXCEEDED, "MacauPJMSP", "timeout"));

        assertThatThrownBy(() -> runner(5).submit(TransactionCall.of("Ping", "p1")))
                .isInstanceOfSatisfying(LedgerUnavailableException.class, e -> {
                    assertThat(e.step()).isEqualTo(LedgerUnavailableException.Step.ENDORSE);
                    assertThat(e.transactionId()).isEqualTo("tx1");
                });
    }

    @Test
    void private_details_travel_as_transient_data_to_the_named_endorsers() {
        fake.then(new FakeContract.Commits(TxValidationCode.VALID, "{}"));
        byte[] details = "{\"subject\":\"1234567(8)\"}".getBytes(StandardCharsets.UTF_8);

        runner(5).submit(TransactionCall.of("CreateRequest", "REQ-1")
                .withTransient(Map.of("details", details))
                .endorsedBy(List.of("MacauPJMSP", "ZhuhaiPSBMSP")));

        FakeContract.Built proposal = fake.built().get(0);
        assertThat(proposal.arguments()).containsExactly("REQ-1");
        assertThat(proposal.transientData()).containsOnlyKeys("details");
        assertThat(proposal.endorsingOrganisations()).containsExactly("MacauPJMSP", "ZhuhaiPSBMSP");
    }

    @Test
    void an_evaluation_refused_by_the_chaincode_is_typed() {
        fake.then(new FakeContract.EndorsementRefused(Status.Code.ABORTED, "MacauPJMSP",
                "chaincode response 500, NOT_FOUND: no request with this id"));

        assertThatThrownBy(() -> runner(5).evaluate(TransactionCall.of("GetRequest", "REQ-404")))
                .isInstanceOfSatisfying(ChaincodeRefusalException.class,
                        e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
    }
}
