package org.gbx.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of refusal an officer can meet, as the command line reports it: words and exit code. */
class RefusalIT {

    private static final int REFUSED = 4;
    private static final int NOT_FOUND = 5;
    private static final int CONFIG = 3;
    private static final int USAGE = 2;

    @TempDir
    Path dir;

    private String createRequest(String id) throws Exception {
        GbxCli.Result created = create(id, "Identify the holder of a travel permit in a fraud case");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        return id;
    }

    private GbxCli.Result create(String id, String purpose) throws Exception {
        return create(id, purpose, "zhuhai");
    }

    private GbxCli.Result create(String id, String purpose, String target) throws Exception {
        List<String> args = new ArrayList<>(List.of("request", "create", "--id", id, "--target", target,
                "--purpose", purpose, "--legal-basis", "Macau Criminal Procedure Code art. 3",
                "--categories", "IDENTITY,VEHICLES", "--details", GbxCli.caseDetailsFile(dir).toString()));
        return GbxCli.as(TestNetwork.MACAU_LIAISON, args.toArray(String[]::new));
    }

    /** An approval attempt; waits while the request is not yet visible on the approver's peer. */
    private static GbxCli.Result approve(TestNetwork.User user, String id, String categories, String expires,
            String destroyBy) throws InterruptedException {
        return GbxCli.asSoonAsVisible(user, "request", "approve", id, "--categories", categories,
                "--expires", expires, "--destroy-by", destroyBy);
    }

    private static void assertRefused(GbxCli.Result result, int exitCode, String words) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.err()).as(result.toString()).contains(words).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void only_the_holding_forces_approver_approves() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));

        assertRefused(approve(TestNetwork.ZHUHAI_LIAISON, id, "IDENTITY", "7d", "14d"),
                REFUSED, "refused: your organisation or role may not do this.");
        assertRefused(approve(TestNetwork.MACAU_APPROVER, id, "IDENTITY", "7d", "14d"),
                REFUSED, "refused: your organisation or role may not do this.");
    }

    @Test
    void a_grant_never_exceeds_the_request_and_its_dates_must_make_sense() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));

        assertRefused(approve(TestNetwork.ZHUHAI_APPROVER, id, "TELECOM", "7d", "14d"),
                REFUSED, "the grant exceeds what was asked");
        assertRefused(approve(TestNetwork.ZHUHAI_APPROVER, id, "IDENTITY", "14d", "7d"),
                REFUSED, "the dates of the grant are not valid");
    }

    @Test
    void free_text_with_an_id_number_is_refused_as_personal_data() throws Exception {
        assertRefused(create(TestNetwork.uniqueId("REQ"), "Check holder of Macau ID 12345678"),
                REFUSED, "looks like it contains personal data");
    }

    @Test
    void a_force_cannot_ask_itself() throws Exception {
        assertRefused(create(TestNetwork.uniqueId("REQ"), "Self request", "macau"), REFUSED,
                "that force cannot be asked");
    }

    @Test
    void a_reused_request_id_with_other_terms_is_a_conflict() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));

        assertRefused(create(id, "A different purpose entirely"), REFUSED,
                "the request id is already used for a different request");
    }

    @Test
    void an_unknown_request_is_not_found() {
        assertRefused(GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "request", "show", TestNetwork.uniqueId("NONE")),
                NOT_FOUND, "no such request");
    }

    @Test
    void data_cannot_be_accessed_before_it_was_delivered_and_received() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));

        assertRefused(GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Too early"),
                REFUSED, "the status of the request does not allow this");
    }

    @Test
    void accesses_stop_at_the_grants_limit() throws Exception {
        String id = RequestLifecycleIT.receivedThroughTheNodes(dir, "Identify the holder of a travel permit", 2);

        for (int i = 0; i < 2; i++) {
            assertThat(GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Case review")
                    .exitCode()).isZero();
        }
        assertRefused(GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Case review"),
                REFUSED, "the accesses the grant allows are used up");
    }

    @Test
    void an_expired_grant_refuses_access_and_names_the_refusing_force() throws Exception {
        // Use ends a minute before the expiry (docs/ledger.md, "Time"); the grant outlasts that minute
        // from its approval and delivery however busy the machine is.
        Instant started = Instant.now();
        String id = createRequest(TestNetwork.uniqueId("REQ"));
        Instant expires = Instant.now().plus(RequestLifecycleIT.shortGrant(Duration.between(started, Instant.now())));
        approvedAndReceived(id, 5, expires.toString());
        Thread.sleep(Math.max(0, expires.minusSeconds(59).toEpochMilli() - System.currentTimeMillis()));

        GbxCli.Result result = GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Too late");

        assertRefused(result, REFUSED, "refused: the grant has expired.");
        assertThat(result.err()).containsAnyOf("Macau Judiciary Police refused", "Zhuhai PSB refused");
    }

    @Test
    void a_rejected_request_can_be_rejected_only_once_and_never_approved() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));
        GbxCli.Result rejected = GbxCli.asSoonAsVisible(TestNetwork.ZHUHAI_APPROVER, "request", "reject", id,
                "--reason", "Outside the scope of the liaison agreement");
        assertThat(rejected.exitCode()).as(rejected.toString()).isZero();
        assertThat(rejected.out()).contains("is now rejected");

        assertRefused(approve(TestNetwork.ZHUHAI_APPROVER, id, "IDENTITY", "7d", "14d"),
                REFUSED, "the status of the request does not allow this");
    }

    @Test
    void only_the_committee_suspends_and_a_suspended_force_cannot_create() throws Exception {
        assertRefused(GbxCli.as(TestNetwork.MACAU_APPROVER, "suspend", "zhuhai", "--reason", "Not mine to do"),
                REFUSED, "your organisation or role may not do this");

        GbxCli.Result suspended = GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "suspend", "zhuhai",
                "--reason", "Audit of overdue destructions");
        assertThat(suspended.exitCode()).as(suspended.toString()).isZero();
        try {
            assertThat(suspended.out()).contains("Zhuhai PSB is suspended");
            assertRefused(GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "suspend", "zhuhai", "--reason", "Again"),
                    REFUSED, "the force is already in that state");
            assertRefused(create(TestNetwork.uniqueId("REQ"), "Identify a vehicle seen at Gongbei"),
                    REFUSED, "a force of this request is suspended");
        } finally {
            GbxCli.Result lifted = GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "unsuspend", "zhuhai",
                    "--reason", "Audit closed");
            assertThat(lifted.exitCode()).as(lifted.toString()).isZero();
            assertThat(lifted.out()).contains("Zhuhai PSB is no longer suspended");
        }
    }

    @Test
    void identity_and_input_mistakes_are_caught_before_the_ledger() throws InterruptedException {
        GbxCli.Result notEnrolled = GbxCli.as(new TestNetwork.User("macau", "liaison9", "MacauPJMSP", "liaison"),
                "whoami");
        assertRefused(notEnrolled, CONFIG, "User \"liaison9\" of macau is not enrolled here");

        assertRefused(approve(TestNetwork.ZHUHAI_APPROVER, "REQ-x", "IDENTITY", "next week", "14d"),
                USAGE, "\"next week\" is not a time");
    }

    @Test
    void refusals_are_told_in_the_officers_language() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));
        GbxCli.Result result = GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Too early",
                "--lang", "zh-Hant");

        assertThat(result.exitCode()).isEqualTo(REFUSED);
        assertThat(result.err()).contains("拒絕：請求目前的狀態不容許此操作");
    }

    /**
     * A request Zhuhai granted (IDENTITY only) and the ledger shows received, with no package at
     * all: enough for the ledger's own refusals, which come before gbx asks the node for the package.
     */
    private String grantedAndReceived(int maxAccesses, String expires) throws Exception {
        return approvedAndReceived(createRequest(TestNetwork.uniqueId("REQ")), maxAccesses, expires);
    }

    private static String approvedAndReceived(String id, int maxAccesses, String expires) {
        GbxCli.Result approved = GbxCli.asSoonAsVisible(TestNetwork.ZHUHAI_APPROVER, "request", "approve", id,
                "--categories", "IDENTITY", "--expires", expires, "--destroy-by", "14d",
                "--max-accesses", Integer.toString(maxAccesses));
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        RequestLifecycleIT.deliverAndReceipt(id);
        return id;
    }
}
