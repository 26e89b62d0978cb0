package org.gbx.it.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gbx.it.TestNetwork.MACAU_LIAISON;
import static org.gbx.it.TestNetwork.OVERSIGHT_AUDITOR;
import static org.gbx.it.TestNetwork.ZHUHAI_APPROVER;
import static org.gbx.it.TestNetwork.ZHUHAI_LIAISON;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.LookupLedger;
import org.gbx.client.model.LookupKey;
import org.gbx.client.model.Status;
import org.gbx.it.TestNetwork;
import org.gbx.it.ledger.AttackClient.Call;
import org.gbx.it.ledger.AttackClient.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every transaction that writes, endorsed by the caller's own force and the committee only (a
 * majority of the organisations, which the old chaincode-level policy accepted for new keys), is
 * thrown out at commit by both forces' peers, and the state stays as it was; the same transaction
 * endorsed by the organisations docs/ledger.md names commits. The attack client signs, picks the
 * endorsing peers, assembles and broadcasts the transactions itself.
 */
class ForgedEndorsementIT {

    private static final Officers OFFICERS = new Officers();
    private static final ExchangeSteps STEPS = new ExchangeSteps(OFFICERS);
    private static final String POLICY_FAILURE = "ENDORSEMENT_POLICY_FAILURE";

    @AfterAll
    static void close() {
        OFFICERS.close();
    }

    /** Endorsed by {@code endorsers}, submitted, and waited for on both forces' peers. */
    private static Outcome forged(TestNetwork.User who, Call call, String... endorsers) throws Exception {
        Outcome outcome = AttackClient.as(who).call(call.endorsedBy(endorsers).submitted().waitingOn("macau", "zhuhai"))
                .run().only();
        assertThat(outcome.submitted()).as("submitted: %s", outcome).isTrue();
        return outcome;
    }

    private static void assertInvalidOnBothForces(Outcome outcome) {
        assertThat(outcome.validationCodeOn("zhuhai")).as(outcome.toString()).isEqualTo(POLICY_FAILURE);
        assertThat(outcome.validationCodeOn("macau")).as(outcome.toString()).isEqualTo(POLICY_FAILURE);
    }

    static String requestJson() {
        return """
                {"targetOrg":"ZhuhaiPSBMSP","purpose":"Trace cross-border movements in a loan-sharking investigation",\
                "legalBasis":"Macau Criminal Procedure Code art. 3","handlingCode":"H1","handlingConditions":null,\
                "categories":["IDENTITY","BORDER_CROSSINGS"],"urgency":"NORMAL","retentionDays":30}""";
    }

    static String grantJson(Instant expiresAt, Instant destroyBy) {
        return """
                {"categories":["IDENTITY"],"expiresAt":"%s","destroyBy":"%s","maxAccesses":3,"conditions":"H1 applies"}"""
                .formatted(expiresAt.truncatedTo(ChronoUnit.SECONDS), destroyBy.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void a_request_created_without_the_target_forces_peer_is_invalid_and_never_exists() throws Exception {
        String id = TestNetwork.uniqueId("atk-create");
        Call create = Call.of("CreateRequest", id, requestJson()).withTransient("details", SyntheticCase.DETAILS.text());

        assertInvalidOnBothForces(forged(MACAU_LIAISON, create, "macau", "oversight"));
        ChaincodeRefusalException absent = catchThrowableOfType(ChaincodeRefusalException.class,
                () -> OFFICERS.ledger(ZHUHAI_LIAISON).getRequest(id));
        assertThat(absent.code()).isEqualTo("NOT_FOUND");

        Outcome genuine = forged(MACAU_LIAISON, Call.of("CreateRequest", id, requestJson())
                .withTransient("details", SyntheticCase.DETAILS.text()), "macau", "zhuhai");
        assertThat(genuine.validationCodeOn("zhuhai")).isEqualTo("VALID");
    }

    @Test
    void an_approval_or_rejection_without_the_requesters_peer_is_invalid() throws Exception {
        String id = STEPS.newRequest();
        Instant now = Instant.now();

        assertInvalidOnBothForces(forged(ZHUHAI_APPROVER, Call.of("ApproveRequest", id,
                grantJson(now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(14)))), "zhuhai", "oversight"));
        assertInvalidOnBothForces(forged(ZHUHAI_APPROVER, Call.of("RejectRequest", id, "Outside the arrangement"),
                "zhuhai", "oversight"));
        assertThat(OFFICERS.ledger(MACAU_LIAISON).getHistory(id)).extracting(h -> h.record().status())
                .containsExactly(Status.PENDING);
    }

    @Test
    void delivery_receipt_access_and_revocation_without_the_other_forces_peer_are_invalid() throws Exception {
        String id = STEPS.newRequest();
        STEPS.approve(id);
        assertInvalidOnBothForces(forged(ZHUHAI_LIAISON, Call.of("RecordDelivery", id, """
                {"packageHash":"%s","merkleRoot":"%s","recordCount":4,"sizeBytes":18432,"sourceReliability":"B",\
                "informationAccuracy":2,"categories":["IDENTITY"]}""".formatted(ExchangeSteps.PACKAGE_HASH,
                ExchangeSteps.MERKLE_ROOT)), "zhuhai", "oversight"));
        assertThat(OFFICERS.ledger(MACAU_LIAISON).getRequest(id).status()).isEqualTo(Status.PARTIALLY_APPROVED);

        STEPS.deliver(id);
        assertInvalidOnBothForces(forged(MACAU_LIAISON, Call.of("RecordReceipt", id, ExchangeSteps.PACKAGE_HASH),
                "macau", "oversight"));
        assertThat(OFFICERS.ledger(ZHUHAI_LIAISON).getRequest(id).status()).isEqualTo(Status.DELIVERED);

        STEPS.receive(id);
        assertInvalidOnBothForces(forged(MACAU_LIAISON, Call.of("RecordAccess", id, "Match crossings"),
                "macau", "oversight"));
        assertInvalidOnBothForces(forged(ZHUHAI_APPROVER, Call.of("RevokeGrant", id, "Case closed"),
                "zhuhai", "oversight"));
        assertThat(OFFICERS.ledger(ZHUHAI_LIAISON).getRequest(id).accessCount()).isZero();
        assertThat(OFFICERS.ledger(ZHUHAI_LIAISON).listAccesses(id)).isEmpty();
        assertThat(OFFICERS.ledger(ZHUHAI_LIAISON).getRequest(id).status()).isEqualTo(Status.RECEIVED);
    }

    @Test
    void an_evidence_ask_without_the_data_owners_peer_is_invalid_and_none_is_recorded() throws Exception {
        String id = STEPS.receivedRequest();
        String leaf = "5f".repeat(32);
        Call ask = Call.of("RequestEndorsement", id, "{\"leafHash\":\"" + leaf + "\"}");

        assertInvalidOnBothForces(forged(MACAU_LIAISON, ask, "macau", "oversight"));
        ChaincodeRefusalException absent = catchThrowableOfType(ChaincodeRefusalException.class,
                () -> OFFICERS.ledger(ZHUHAI_APPROVER).getEndorsement(id, leaf));
        assertThat(absent.code()).isEqualTo("NOT_FOUND");

        Outcome genuine = forged(MACAU_LIAISON, Call.of("RequestEndorsement", id, "{\"leafHash\":\"" + leaf + "\"}"),
                "macau", "zhuhai");
        assertThat(genuine.validationCodeOn("zhuhai")).isEqualTo("VALID");
    }

    @Test
    void a_destruction_without_the_data_owners_peer_is_invalid() throws Exception {
        String id = STEPS.receivedRequest();

        assertInvalidOnBothForces(forged(MACAU_LIAISON, Call.of("RecordDestruction", id, "SECURE_ERASE"),
                "macau", "oversight"));
        assertThat(OFFICERS.ledger(ZHUHAI_LIAISON).getRequest(id).status()).isEqualTo(Status.RECEIVED);
        assertThat(OFFICERS.ledger(ZHUHAI_LIAISON).getRequest(id).destruction()).isNull();
    }

    @Test
    void a_suspension_endorsed_by_both_forces_without_the_committees_peer_is_invalid() throws Exception {
        Outcome outcome = forged(OVERSIGHT_AUDITOR, Call.of("SuspendOrg", "ZhuhaiPSBMSP", "Forged freeze"),
                "macau", "zhuhai");

        assertInvalidOnBothForces(outcome);
        assertThat(OFFICERS.ledger(MACAU_LIAISON).getSuspension("ZhuhaiPSBMSP").suspended()).isFalse();
    }

    @Test
    void a_ping_endorsed_by_one_force_and_the_committee_is_invalid() throws Exception {
        String id = TestNetwork.uniqueId("atk-ping");

        assertInvalidOnBothForces(forged(MACAU_LIAISON, Call.of("Ping", id), "macau", "oversight"));
        ChaincodeRefusalException absent = catchThrowableOfType(ChaincodeRefusalException.class,
                () -> OFFICERS.ledger(MACAU_LIAISON).getPing(id));
        assertThat(absent.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void a_new_lookup_key_endorsed_by_its_force_and_the_committee_is_invalid() throws Exception {
        LookupLedger lookups = LookupLedger.over(OFFICERS.connection(MACAU_LIAISON));
        Optional<LookupKey> before = currentKey(lookups);
        int next = before.map(LookupKey::epoch).orElse(0) + 1;
        // P-256's generator: a real point, so only the endorsement decides.
        String keyJson = """
                {"epoch":%d,"publicKey":"036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",\
                "setDigest":"%s","setSize":0}""".formatted(next, "0".repeat(64));

        assertInvalidOnBothForces(forged(MACAU_LIAISON, Call.of("lookup:PublishLookupKey", keyJson), "macau",
                "oversight"));
        assertThat(currentKey(lookups).map(LookupKey::epoch)).as("Macau's current lookup key")
                .isEqualTo(before.map(LookupKey::epoch));
    }

    private static Optional<LookupKey> currentKey(LookupLedger lookups) {
        try {
            return Optional.of(lookups.currentKey("MacauPJMSP"));
        } catch (ChaincodeRefusalException e) {
            assertThat(e.code()).as(e.getMessage()).isEqualTo("LOOKUP_KEY_UNKNOWN");
            return Optional.empty();
        }
    }
}
