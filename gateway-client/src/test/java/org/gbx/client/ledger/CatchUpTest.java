package org.gbx.client.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gbx.client.connection.Deadlines;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

/**
 * What a call does when another organisation's peer (or its own) has not committed the latest block
 * yet: the peers' heights are scripted, the peers' answers come from {@link FakeContract}.
 */
class CatchUpTest {

    private static final String MACAU = "MacauPJMSP";
    private static final String ZHUHAI = "ZhuhaiPSBMSP";
    private static final String OVERSIGHT = "OversightMSP";
    private static final String REQUEST = "{\"requestId\":\"REQ-1\",\"requesterOrg\":\"" + MACAU
            + "\",\"targetOrg\":\"" + ZHUHAI + "\",\"status\":\"PENDING\"}";

    private final FakeContract fake = new FakeContract();
    private final ScriptedHeights heights = new ScriptedHeights();
    private final List<Duration> pauses = new ArrayList<>();

    /** Each peer's heights, one per time it is asked; the last one stays. */
    static final class ScriptedHeights implements PeerHeights {
        final Map<String, Deque<Long>> answers = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        long ownReached = -1;

        ScriptedHeights peer(String mspId, Long... heights) {
            answers.put(mspId, new ArrayDeque<>(List.of(heights)));
            return this;
        }

        @Override
        public long of(String mspId) {
            asked.add(mspId);
            Deque<Long> queue = answers.get(mspId);
            return queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
        }

        @Override
        public long awaitOwn(long from, long height, long deadlineNanos) {
            asked.add("own stream to " + height);
            return ownReached;
        }
    }

    private ExchangeLedger ledger(String ownMspId) {
        TransactionRunner runner = new TransactionRunner(fake.contract(), Deadlines.defaults(),
                new ConflictRetry(5, Duration.ofMillis(100), Duration.ofSeconds(1)), ignored -> { });
        CatchUp catchUp = new CatchUp(heights, ownMspId, Duration.ofSeconds(5), pauses::add);
        return ExchangeLedger.over(runner, ownMspId, catchUp, List.of(MACAU, ZHUHAI, OVERSIGHT));
    }

    private static FakeContract.EndorsementRefused refusedBy(String mspId, String code, String explanation) {
        return new FakeContract.EndorsementRefused(Status.Code.ABORTED, mspId,
                "chaincode response 500, " + code + ": " + explanation);
    }

    @Test
    void a_refusal_from_a_peer_behind_the_others_is_tried_again_once_that_peer_caught_up() {
        fake.then(new FakeContract.Commits(TxValidationCode.VALID, REQUEST))
                .then(refusedBy(ZHUHAI, "NOT_FOUND", "no request with this id"))
                .then(new FakeContract.Commits(TxValidationCode.VALID, REQUEST));
        heights.peer(MACAU, 12L).peer(ZHUHAI, 11L, 11L, 12L);

        Submitted<?> answered = ledger(MACAU).rejectRequest("REQ-1", "Outside the agreement");

        assertThat(answered.receipt().transactionId()).isEqualTo("tx3");
        assertThat(fake.built()).extracting(FakeContract.Built::name)
                .containsExactly("GetRequest", "RejectRequest", "RejectRequest");
        assertThat(pauses).as("Zhuhai's peer asked again at short intervals").hasSize(2);
    }

    @Test
    void a_refusal_when_every_peer_is_level_is_the_ledgers_answer_at_once() {
        fake.then(new FakeContract.Commits(TxValidationCode.VALID, REQUEST))
                .then(refusedBy(ZHUHAI, "ILLEGAL_TRANSITION", "you cannot reject while the request is REJECTED"));
        heights.peer(MACAU, 12L).peer(ZHUHAI, 12L);

        assertThatThrownBy(() -> ledger(MACAU).rejectRequest("REQ-1", "Again"))
                .isInstanceOfSatisfying(ChaincodeRefusalException.class,
                        e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
        assertThat(fake.built()).hasSize(2);
        assertThat(pauses).isEmpty();
    }

    @Test
    void a_peer_that_does_not_catch_up_in_time_is_named_and_nothing_is_retried() {
        fake.then(new FakeContract.Commits(TxValidationCode.VALID, REQUEST))
                .then(refusedBy(ZHUHAI, "NOT_FOUND", "no request with this id"));
        heights.peer(MACAU, 20L).peer(ZHUHAI, 14L);
        CatchUp impatient = new CatchUp(heights, MACAU, Duration.ofMillis(300), d -> Thread.sleep(d.toMillis()));
        ExchangeLedger ledger = ExchangeLedger.over(new TransactionRunner(fake.contract(), Deadlines.defaults(),
                ConflictRetry.defaults(), ignored -> { }), MACAU, impatient, List.of(MACAU, ZHUHAI));

        assertThatThrownBy(() -> ledger.rejectRequest("REQ-1", "Outside the agreement"))
                .isInstanceOfSatisfying(PeerBehindException.class, e -> {
                    assertThat(e.laggingMspId()).isEqualTo(ZHUHAI);
                    assertThat(e.laggingHeight()).isEqualTo(14);
                    assertThat(e.aheadMspId()).isEqualTo(MACAU);
                    assertThat(e.aheadHeight()).isEqualTo(20);
                    assertThat(e.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
                });
        assertThat(fake.built()).hasSize(2);
    }

    @Test
    void not_found_on_the_own_peer_waits_on_its_block_stream_and_asks_again() {
        fake.then(refusedBy(ZHUHAI, "NOT_FOUND", "no request with this id"))
                .then(new FakeContract.Commits(TxValidationCode.VALID, REQUEST));
        heights.peer(ZHUHAI, 30L).peer(MACAU, 31L).peer(OVERSIGHT, 31L);
        heights.ownReached = 31;

        assertThat(ledger(ZHUHAI).getRequest("REQ-1").requestId()).isEqualTo("REQ-1");
        assertThat(heights.asked).contains("own stream to 31");
        assertThat(pauses).as("its own peer is followed, not polled").isEmpty();
    }

    @Test
    void not_found_everywhere_is_a_request_that_does_not_exist() {
        fake.then(refusedBy(ZHUHAI, "NOT_FOUND", "no request with this id"));
        heights.peer(ZHUHAI, 31L).peer(MACAU, 31L).peer(OVERSIGHT, 30L);

        assertThatThrownBy(() -> ledger(ZHUHAI).getRequest("REQ-NONE"))
                .isInstanceOfSatisfying(ChaincodeRefusalException.class, e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
        assertThat(fake.built()).hasSize(1);
        assertThat(heights.asked).as("the committee's peer behind does not hold up a force's query")
                .doesNotContain("own stream to 31");
    }

    @Test
    void endorsements_that_do_not_match_wait_for_the_peer_behind_before_the_next_attempt() {
        fake.then(new FakeContract.Commits(TxValidationCode.VALID, REQUEST))
                .then(new FakeContract.EndorsementRefused(Status.Code.ABORTED, ZHUHAI,
                        "ProposalResponsePayloads do not match"))
                .then(new FakeContract.Commits(TxValidationCode.VALID, "{\"requestId\":\"REQ-1\",\"sequence\":1}"));
        heights.peer(MACAU, 40L).peer(ZHUHAI, 39L, 40L);

        Submitted<?> answered = ledger(MACAU).recordAccess("REQ-1", "Cross-check with the port log");

        assertThat(answered.receipt().attempts()).isEqualTo(2);
        assertThat(heights.asked).containsSubsequence(MACAU, ZHUHAI, ZHUHAI);
    }
}
