package org.gbx.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.GrantTerms;
import org.gbx.client.model.HandlingCode;
import org.gbx.client.model.NewRequest;
import org.gbx.client.model.Urgency;
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

    /** An approval attempt: gbx itself waits while the request has not reached the approver's peer yet. */
    private static GbxCli.Result approve(TestNetwork.User user, String id, String categories, String expires,
            String destroyBy) {
        return GbxCli.as(user, "request", "approve", id, "--categories", categories,
                "--expires", expires, "--destroy-by", destroyBy);
    }

    private static void assertRefused(GbxCli.Result result, int exitCode, String words) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.err()).as(result.toString()).contains(words).doesNotContain("\tat ").doesNotContain("Exception")
                // a rule of the ledger is the ledger's refusal, never one force's decision
                .doesNotContain("Macau Judiciary Police refused").doesNotContain("Zhuhai PSB refused");
        assertThat(result.out()).isEmpty();
    }

    /** The ledger's refusal by one of its rules: the rule in words, then the code and which part failed. */
    private static void assertLedgerRefused(GbxCli.Result result, int exitCode, String rule, String explanation) {
        assertRefused(result, exitCode, "Refused by the ledger's rule: " + rule + ".");
        assertThat(result.err()).as(result.toString()).contains(explanation);
    }

    /** The request as the ledger holds it: that a refused command wrote nothing. */
    private static List<String> statusesOf(String id) {
        GbxCli.Result history = GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "request", "history", id, "--json");
        assertThat(history.exitCode()).as(history.toString()).isZero();
        return history.json().path("history").findValuesAsText("status");
    }

    @Test
    void only_the_holding_forces_approver_approves() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));

        assertLedgerRefused(approve(TestNetwork.ZHUHAI_LIAISON, id, "IDENTITY", "7d", "14d"), REFUSED,
                "only the organisation and role the rules name may do this",
                "(UNAUTHORIZED: your role (liaison officer of Zhuhai PSB) may not approve on this request)");
        assertLedgerRefused(approve(TestNetwork.MACAU_APPROVER, id, "IDENTITY", "7d", "14d"), REFUSED,
                "only the organisation and role the rules name may do this",
                "your role (approver of Macau Judiciary Police) may not approve");
    }

    @Test
    void an_approver_is_told_before_anything_is_sent_that_a_grant_exceeds_the_request_or_its_dates_do_not_fit()
            throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));

        assertRefused(approve(TestNetwork.ZHUHAI_APPROVER, id, "TELECOM", "7d", "14d"), USAGE,
                "The grant includes telecom, which was not asked for (asked: identity, vehicles).");
        assertRefused(approve(TestNetwork.ZHUHAI_APPROVER, id, "IDENTITY", "14d", "7d"), USAGE,
                "The data would have to be destroyed by");
        assertRefused(approve(TestNetwork.ZHUHAI_APPROVER, id, "IDENTITY", "7d", "60d"), USAGE,
                "is beyond the 30 days of retention asked for");
        assertRefused(approve(TestNetwork.ZHUHAI_APPROVER, id, "IDENTITY", "2020-01-01", "7d"), USAGE,
                "which is not after now");
        assertThat(statusesOf(id)).as("nothing was written").containsExactly("PENDING");
    }

    @Test
    void the_ledger_names_the_part_of_the_deadline_rule_a_grant_breaks() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));
        Instant now = Instant.now();
        try (var zhuhai = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER)) {
            var ledger = TestNetwork.ledger(zhuhai);
            var refusal = org.assertj.core.api.Assertions.catchThrowableOfType(
                    org.gbx.client.ledger.ChaincodeRefusalException.class,
                    () -> ledger.approveRequest(id, new GrantTerms(List.of(DataCategory.IDENTITY),
                            now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(40)), 3, null)));
            assertThat(refusal).as("refused by the ledger itself").isNotNull();
            assertThat(refusal.code()).isEqualTo("INVALID_DEADLINE");
            assertThat(refusal.reason()).startsWith("destroyBy must be within retentionDays 30 of the earliest time the transaction can have been made");
        }
        assertThat(statusesOf(id)).containsExactly("PENDING");
    }

    @Test
    void a_purpose_far_over_its_limit_is_too_long_not_malformed() throws Exception {
        String purpose = "Trace the holder of a travel permit; ".repeat(3300);
        assertRefused(create(TestNetwork.uniqueId("REQ"), purpose), USAGE,
                "--purpose is " + String.format("%,d", purpose.length()) + " characters long; the ledger takes at most 500.");
        try (var macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON)) {
            String id = TestNetwork.uniqueId("REQ");
            var refusal = org.assertj.core.api.Assertions.catchThrowableOfType(
                    org.gbx.client.ledger.ChaincodeRefusalException.class,
                    () -> TestNetwork.ledger(macau).createRequest(id, new NewRequest(
                            "ZhuhaiPSBMSP", purpose, "Liaison agreement art. 3", HandlingCode.H0, null,
                            List.of(DataCategory.IDENTITY), Urgency.NORMAL, 30),
                            TestNetwork.sealedForNoOne(id, CaseDetails.of(
                                    "{\"narrative\":\"Permit fraud\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
            assertThat(refusal).as("refused by the ledger itself").isNotNull();
            assertThat(refusal.code()).isEqualTo("FIELD_TOO_LONG");
            assertThat(refusal.reason()).isEqualTo("requestJson is longer than 16384 bytes");
        }
    }

    @Test
    void free_text_with_an_id_number_is_refused_as_personal_data() throws Exception {
        assertRefused(create(TestNetwork.uniqueId("REQ"), "Check holder of Macau ID 12345678"),
                USAGE, "--purpose contains 7 or more digits in a row");
    }

    @Test
    void a_force_cannot_ask_itself() throws Exception {
        assertRefused(create(TestNetwork.uniqueId("REQ"), "Self request", "macau"), USAGE,
                "\"macau\" is your own force: a request goes to another force.");
        assertRefused(create(TestNetwork.uniqueId("REQ"), "Ask the committee", "oversight"), USAGE,
                "is the oversight committee, which holds no records");
    }

    @Test
    void a_reused_request_id_with_other_terms_is_a_conflict() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));

        assertLedgerRefused(create(id, "A different purpose entirely"), REFUSED,
                "a request id may be used for one request only", "(REQUEST_ID_CONFLICT: a different request already has this id)");
    }

    @Test
    void an_unknown_request_is_not_found() {
        assertLedgerRefused(GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "request", "show", TestNetwork.uniqueId("NONE")),
                NOT_FOUND, "no such request or record", "(NOT_FOUND: the ledger has no request with this id)");
        assertRefused(GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "request", "show", "../etc/passwd"), USAGE,
                "is not a request id");
    }

    @Test
    void data_cannot_be_accessed_before_it_was_delivered_and_received() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));

        assertLedgerRefused(GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Too early"),
                REFUSED, "the status of the request does not allow this",
                "(ILLEGAL_TRANSITION: you cannot record an access while the request is pending)");
    }

    @Test
    void accesses_stop_at_the_grants_limit() throws Exception {
        String id = RequestLifecycleIT.receivedThroughTheNodes(dir, "Identify the holder of a travel permit", 2);

        for (int i = 0; i < 2; i++) {
            GbxCli.Result access = GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Case review");
            assertThat(access.exitCode()).as(access.toString()).isZero();
        }
        assertLedgerRefused(GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Case review"),
                REFUSED, "the accesses the grant allows are used up", "(ACCESS_LIMIT_REACHED: the grant allows 2 accesses)");
    }

    @Test
    void an_expired_grant_refuses_access_and_names_the_refusing_force() throws Exception {
        // Use ends a minute before the expiry (docs/ledger.md, "Time"); the grant outlasts that minute
        // from its approval and delivery however busy the machine is.
        Instant started = Instant.now();
        String id = RequestLifecycleIT.createThroughTheCli(dir, "Identify the holder of a travel permit in a fraud case",
                ForceNodes.caseDetailsFile(dir, ForceNodes.shared().zhuhaiSubject()));
        Instant expires = Instant.now().plus(RequestLifecycleIT.shortGrant(Duration.between(started, Instant.now())));
        approvedAndReceived(id, 5, expires.toString());
        Thread.sleep(Math.max(0, expires.minusSeconds(59).toEpochMilli() - System.currentTimeMillis()));

        GbxCli.Result result = GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Too late");

        assertLedgerRefused(result, REFUSED, "data may flow only before the grant expires",
                "(GRANT_EXPIRED: the grant expires at ");
    }

    @Test
    void a_rejected_request_can_be_rejected_only_once_and_never_approved() throws Exception {
        String id = createRequest(TestNetwork.uniqueId("REQ"));
        GbxCli.Result rejected = GbxCli.as(TestNetwork.ZHUHAI_APPROVER, "request", "reject", id,
                "--reason", "Outside the scope of the liaison agreement");
        assertThat(rejected.exitCode()).as(rejected.toString()).isZero();
        assertThat(rejected.out()).contains("is now rejected");

        assertRefused(approve(TestNetwork.ZHUHAI_APPROVER, id, "IDENTITY", "7d", "14d"),
                USAGE, "is rejected, not pending: only a pending request can be approved.");
        assertLedgerRefused(GbxCli.as(TestNetwork.ZHUHAI_APPROVER, "request", "reject", id, "--reason", "Again"),
                REFUSED, "the status of the request does not allow this",
                "(ILLEGAL_TRANSITION: you cannot reject while the request is rejected)");
    }

    @Test
    void only_the_committee_suspends_and_a_suspended_force_cannot_create() throws Exception {
        assertLedgerRefused(GbxCli.as(TestNetwork.MACAU_APPROVER, "suspend", "zhuhai", "--reason", "Not mine to do"),
                REFUSED, "only the organisation and role the rules name may do this",
                "only an auditor or administrator of Big Data Consultation Committee suspends a force");

        GbxCli.Result suspended = GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "suspend", "zhuhai",
                "--reason", "Audit of overdue destructions");
        assertThat(suspended.exitCode()).as(suspended.toString()).isZero();
        try {
            assertThat(suspended.out()).contains("Zhuhai PSB is suspended");
            assertLedgerRefused(GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "suspend", "zhuhai", "--reason", "Again"),
                    REFUSED, "the force is already in that state", "(SUSPENSION_UNCHANGED: the force is already suspended)");
            assertLedgerRefused(create(TestNetwork.uniqueId("REQ"), "Identify a vehicle seen at Gongbei"),
                    REFUSED, "nothing new may happen while a force of the request is suspended",
                    "(ORG_SUSPENDED: a force of this request is suspended by the committee)");
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
        assertThat(result.err()).contains("分類帳按其規則拒絕：請求目前的狀態不容許此操作。",
                "（ILLEGAL_TRANSITION：請求狀態為「待處理」時不可記錄使用）");
        GbxCli.Result mainland = GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Too early",
                "--lang", "zh-Hans");
        assertThat(mainland.err()).contains("账本按其规则拒绝：请求当前的状态不允许此操作。",
                "（ILLEGAL_TRANSITION：请求状态为“待处理”时不能记录查阅）");
    }

    /**
     * A request about a person on Zhuhai's file, granted (IDENTITY only) and delivered by the forces'
     * own nodes: the shared nodes hold the key of every request gbx creates, and would answer one
     * about nobody on file with "no match" before a test could record a delivery itself.
     */
    private String grantedAndReceived(int maxAccesses, String expires) throws Exception {
        return approvedAndReceived(RequestLifecycleIT.createThroughTheCli(dir,
                "Identify the holder of a travel permit in a fraud case",
                ForceNodes.caseDetailsFile(dir, ForceNodes.shared().zhuhaiSubject())), maxAccesses, expires);
    }

    private static String approvedAndReceived(String id, int maxAccesses, String expires) throws Exception {
        GbxCli.Result approved = GbxCli.asSoonAsVisible(TestNetwork.ZHUHAI_APPROVER, "request", "approve", id,
                "--categories", "IDENTITY", "--expires", expires, "--destroy-by", "14d",
                "--max-accesses", Integer.toString(maxAccesses));
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        RequestLifecycleIT.awaitReceived(id);
        return id;
    }
}
