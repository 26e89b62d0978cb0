package org.gbx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.gbx.client.cli.ExitCode;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.DeliveryManifest;
import org.gbx.client.model.GrantTerms;
import org.gbx.client.model.Status;
import org.gbx.client.records.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole request driven through the gbx command line by each role: Macau's liaison asks,
 * Zhuhai's approver grants, the two forces' exchange nodes ({@link ForceNodes}) deliver, verify
 * and record receipt, Macau's liaison uses and destroys the data, and the committee audits every
 * step.
 */
class RequestLifecycleIT {

    private static final String PACKAGE_HASH = "9f2c1d7e4b8a6f3c0e5d2a1b7c4f8e3d6a9b2c5f1e4d7a0b3c6f9e2d5a8b1c4f";
    private static final String MERKLE_ROOT = "1b4e7a0d3c6f9b2e5a8d1c4f7b0e3a6d9c2f5b8e1a4d7c0f3b6e9a2d5c8f1b4e";

    @TempDir
    Path dir;

    @Test
    void liaison_approver_and_auditor_take_a_request_from_creation_to_destruction() throws Exception {
        String id = TestNetwork.uniqueId("REQ");
        Subject subject = ForceNodes.shared().zhuhaiSubject("border_crossing");
        String details = ForceNodes.caseDetailsFile(dir, subject).toString();

        GbxCli.Result created = GbxCli.as(TestNetwork.MACAU_LIAISON, "request", "create", "--id", id,
                "--target", "zhuhai", "--purpose", "Identify the holder of a travel permit in a fraud case",
                "--legal-basis", "Macau Criminal Procedure Code art. 3", "--categories", "IDENTITY,BORDER_CROSSINGS",
                "--urgency", "URGENT", "--retention-days", "30", "--details", details);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("Request " + id + " is now pending");

        GbxCli.Result replay = GbxCli.as(TestNetwork.MACAU_LIAISON, "request", "create", "--id", id,
                "--target", "zhuhai", "--purpose", "Identify the holder of a travel permit in a fraud case",
                "--legal-basis", "Macau Criminal Procedure Code art. 3", "--categories", "IDENTITY,BORDER_CROSSINGS",
                "--urgency", "URGENT", "--retention-days", "30", "--details", details);
        assertThat(replay.exitCode()).as("a retried create is the same request: " + replay).isZero();
        assertThat(replay.out()).contains("already exists with these terms and case details");

        GbxCli.Result shown = awaitDetails(TestNetwork.ZHUHAI_APPROVER, id);
        assertThat(shown.out()).contains("pending").contains(subject.idNumber()).contains("Macau Judiciary Police");

        GbxCli.Result publicView = GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "request", "show", id, "--json");
        assertThat(publicView.exitCode()).as(publicView.toString()).isZero();
        assertThat(publicView.out()).doesNotContain("1234567").doesNotContain("CHAN");
        assertThat(publicView.json().at("/request/status").asText()).isEqualTo("PENDING");

        GbxCli.Result approved = GbxCli.as(TestNetwork.ZHUHAI_APPROVER, "request", "approve", id,
                "--categories", "IDENTITY", "--expires", "7d", "--destroy-by", "20d", "--max-accesses", "2",
                "--conditions", "H1 applies");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(approved.out()).contains("is now partially approved");

        GbxCli.Result shownGrant = GbxCli.as(TestNetwork.MACAU_LIAISON, "request", "show", id);
        assertThat(shownGrant.out()).as(shownGrant.toString()).contains("H0 (use only for the stated purpose)")
                .containsPattern("Grant conditions +H1 applies").containsPattern("Accesses +0 of 2 used")
                .containsPattern("Categories +identity, border crossings").containsPattern("Granted +identity\\n");
        GbxCli.Result shownInChinese = GbxCli.as(TestNetwork.ZHUHAI_APPROVER, "request", "show", id, "--lang", "zh-Hans");
        assertThat(shownInChinese.out()).as(shownInChinese.toString()).contains("H0（仅限用于所述用途）")
                .containsPattern("授权条件 +H1 applies").contains("身份信息、出入境记录").contains("部分批准");

        awaitReceived(id);

        GbxCli.Result access = GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id,
                "--justification", "Cross-check with the Gongbei border crossing log");
        assertThat(access.exitCode()).as(access.toString()).isZero();
        assertThat(access.out()).contains("Access 1 to request " + id).contains("Record 1 of ")
                .contains("Subject").contains(subject.idNumber()).doesNotContain("{\"category\"");

        GbxCli.Result destroyed = GbxCli.as(TestNetwork.MACAU_LIAISON, "destroy", id, "--method", "CRYPTO_ERASE");
        assertThat(destroyed.exitCode()).as(destroyed.toString()).isZero();
        assertThat(destroyed.out()).contains("is now destroyed");

        GbxCli.Result purged = GbxCli.as(TestNetwork.ZHUHAI_APPROVER, "request", "show", id, "--details");
        assertThat(purged.exitCode()).isEqualTo(4);
        assertThat(purged.err()).contains("your force holds no case details for this request");

        GbxCli.Result history = GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "request", "history", id, "--json");
        assertThat(history.exitCode()).as(history.toString()).isZero();
        List<String> statuses = history.json().findValues("status").stream().map(JsonNode::asText).toList();
        assertThat(statuses).containsExactly("PENDING", "PARTIALLY_APPROVED", "DELIVERED", "RECEIVED", "ACCESSED",
                "DESTROYED");

        GbxCli.Result table = GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "request", "history", id);
        String liaison = GbxCli.as(TestNetwork.MACAU_LIAISON, "whoami", "--json").json().path("officer").asText();
        String approver = GbxCli.as(TestNetwork.ZHUHAI_APPROVER, "whoami", "--json").json().path("officer").asText();
        assertThat(table.out()).as(table.toString()).contains("+08:00").contains("destroyed")
                .contains("identity; conditions: H1 applies").contains(approver.substring(0, 12) + "…")
                .contains("access 1: Cross-check with the Gongbei border crossing log")
                .contains(liaison.substring(0, 12) + "…").contains("crypto-erase");

        for (TestNetwork.User user : List.of(TestNetwork.MACAU_LIAISON, TestNetwork.OVERSIGHT_AUDITOR)) {
            GbxCli.Result listed = GbxCli.as(user, "request", "list", "--status", "DESTROYED", "--json");
            assertThat(listed.exitCode()).as(listed.toString()).isZero();
            assertThat(listed.json().findValuesAsText("requestId")).contains(id);
        }

        GbxCli.Result overdue = GbxCli.as(TestNetwork.OVERSIGHT_AUDITOR, "overdue");
        assertThat(overdue.exitCode()).as(overdue.toString()).isZero();
        assertThat(overdue.out()).doesNotContain(id);
    }

    @Test
    void a_revoked_grant_allows_no_more_access() throws Exception {
        String id = receivedThroughTheNodes(dir, "Trace a vehicle crossing at Hengqin port", 5);
        assertThat(GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "First look").exitCode())
                .isZero();

        GbxCli.Result revoked = GbxCli.as(TestNetwork.ZHUHAI_APPROVER, "request", "revoke", id,
                "--reason", "The source force withdrew its consent");
        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).contains("is now revoked");

        GbxCli.Result refused = GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id,
                "--justification", "Second look");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(refused.err()).contains("the status of the request does not allow this",
                "ILLEGAL_TRANSITION: you cannot record an access while the request is revoked");
    }

    @Test
    void an_expired_grant_allows_no_more_access_and_the_refusal_says_when_it_expires() throws Exception {
        Instant started = Instant.now();
        // about a person on Zhuhai's file, so the forces' nodes deliver it (and answer no "no match")
        String id = createThroughTheCli(dir, "Confirm a border crossing at Gongbei port",
                ForceNodes.caseDetailsFile(dir, ForceNodes.shared().zhuhaiSubject()));
        Instant expiresAt = Instant.now().plus(shortGrant(Duration.between(started, Instant.now())))
                .truncatedTo(ChronoUnit.SECONDS);
        // The CLI grants in whole minutes; the library takes any time, so the test waits seconds, not minutes.
        try (LedgerConnection zhuhai = TestNetwork.connect(TestNetwork.ZHUHAI_APPROVER)) {
            TestNetwork.awaitRequest(TestNetwork.ledger(zhuhai), id);
            TestNetwork.ledger(zhuhai).approveRequest(id, new GrantTerms(List.of(DataCategory.IDENTITY), expiresAt,
                    expiresAt.plus(Duration.ofDays(1)), 5, ""));
        }
        awaitReceived(id);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt.minusSeconds(59)).toMillis()));

        GbxCli.Result refused = GbxCli.as(TestNetwork.MACAU_LIAISON, "access", id, "--justification", "Late look");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(refused.err()).contains("data may flow only before the grant expires", "GRANT_EXPIRED: the grant expires at "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").format(expiresAt.atOffset(ZoneOffset.ofHours(8))));

        // Closing it as expired waits as long past the expiry as access stopped before it.
        try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON)) {
            assertThatThrownBy(() -> TestNetwork.ledger(macau).expireGrant(id))
                    .isInstanceOfSatisfying(ChaincodeRefusalException.class,
                            e -> assertThat(e.code()).isEqualTo("DEADLINE_NOT_PASSED"));
            assertThat(TestNetwork.ledger(macau).getRequest(id).status()).isEqualTo(Status.RECEIVED);
        }
    }

    private String createThroughTheCli(String purpose) throws Exception {
        return createThroughTheCli(dir, purpose, GbxCli.caseDetailsFile(dir));
    }

    static String createThroughTheCli(Path dir, String purpose, Path details) {
        String id = TestNetwork.uniqueId("REQ");
        GbxCli.Result created = GbxCli.as(TestNetwork.MACAU_LIAISON, "request", "create", "--id", id,
                "--target", "zhuhai", "--purpose", purpose, "--legal-basis", "Macau Criminal Procedure Code art. 3",
                "--categories", "IDENTITY", "--urgency", "URGENT", "--retention-days", "30",
                "--details", details.toString());
        assertThat(created.exitCode()).as(created.toString()).isZero();
        return id;
    }

    /**
     * A request about a person on Zhuhai's file, granted (IDENTITY, {@code maxAccesses}) through the
     * CLI, then really delivered by Zhuhai's node and verified and stored by Macau's.
     */
    static String receivedThroughTheNodes(Path dir, String purpose, int maxAccesses) throws Exception {
        String id = createThroughTheCli(dir, purpose,
                ForceNodes.caseDetailsFile(dir, ForceNodes.shared().zhuhaiSubject()));
        GbxCli.Result approved = GbxCli.asSoonAsVisible(TestNetwork.ZHUHAI_APPROVER, "request", "approve", id,
                "--categories", "IDENTITY", "--expires", "7d", "--destroy-by", "20d", "--max-accesses",
                Integer.toString(maxAccesses));
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        awaitReceived(id);
        return id;
    }

    /** Waits (at most 2 minutes) until Macau's peer shows the request received: the nodes moved the package. */
    static void awaitReceived(String id) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Status status = null;
        try (LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON)) {
            while (System.nanoTime() < giveUp) {
                status = TestNetwork.ledger(macau).getRequest(id).status();
                if (status == Status.RECEIVED) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("request " + id + " is still " + status + " after 2 minutes, not RECEIVED: the test's"
                + " exchange nodes did not deliver and store it (see their log lines above)");
    }

    /** {@code request show --details}, waiting (at most 30 s) while the key travels from Macau's node to Zhuhai's. */
    private static GbxCli.Result awaitDetails(TestNetwork.User user, String id) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        GbxCli.Result shown = GbxCli.asSoonAsVisible(user, "request", "show", id, "--details");
        while (shown.exitCode() == ExitCode.NOT_FOUND.code() && System.nanoTime() < giveUp) {
            Thread.sleep(250);
            shown = GbxCli.as(user, "request", "show", id, "--details");
        }
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        return shown;
    }

    /**
     * How long a grant that a test lets expire must last. Access ends a minute before the expiry,
     * the most a proposal's time may be off (docs/ledger.md, "Time"), so: that minute, 20 s, and
     * room for the approval, delivery and receipt still to come, which take about as long as the
     * creation did each (seconds when the machine is idle, far more when it is busy), at most
     * 100 s more (the creation may include the first connection's start-up). The test then waits
     * until 59 s before the expiry.
     */
    static Duration shortGrant(Duration creationTook) {
        Duration room = creationTook.multipliedBy(3);
        return Duration.ofSeconds(80).plus(room.compareTo(Duration.ofSeconds(100)) < 0 ? room : Duration.ofSeconds(100));
    }

    /** What the two forces' exchange nodes record when the package moves (not a CLI command). */

    static void deliverAndReceipt(String id) {
        deliverAndReceipt(id, DataCategory.IDENTITY);
    }

    /** Each step once both forces' peers hold the one before: each endorses the next. */
    static void deliverAndReceipt(String id, DataCategory granted) {
        try (LedgerConnection zhuhai = TestNetwork.connect(TestNetwork.ZHUHAI_LIAISON);
                LedgerConnection macau = TestNetwork.connect(TestNetwork.MACAU_LIAISON)) {
            List<ExchangeLedger> forces = List.of(TestNetwork.ledger(zhuhai), TestNetwork.ledger(macau));
            forces.forEach(force -> TestNetwork.awaitStatus(force, id, Set.of(Status.APPROVED, Status.PARTIALLY_APPROVED)));
            TestNetwork.ledger(zhuhai).recordDelivery(id, new DeliveryManifest(PACKAGE_HASH, MERKLE_ROOT, 3, 20480,
                    "B", 2, List.of(granted)));
            forces.forEach(force -> TestNetwork.awaitStatus(force, id, Set.of(Status.DELIVERED)));
            TestNetwork.ledger(macau).recordReceipt(id, PACKAGE_HASH);
        }
    }
}
