package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.chaincode.model.DataCategory.IDENTITY;
import static org.gbx.chaincode.model.Status.ACCESSED;
import static org.gbx.chaincode.model.Status.APPROVED;
import static org.gbx.chaincode.model.Status.DELIVERED;
import static org.gbx.chaincode.model.Status.EXPIRED;
import static org.gbx.chaincode.model.Status.NO_MATCH;
import static org.gbx.chaincode.model.Status.PARTIALLY_APPROVED;
import static org.gbx.chaincode.model.Status.PENDING;
import static org.gbx.chaincode.model.Status.RECEIVED;
import static org.gbx.chaincode.model.Status.REJECTED;
import static org.gbx.chaincode.model.Status.REVOKED;
import static org.gbx.chaincode.testing.Forces.HONG_KONG;
import static org.gbx.chaincode.testing.Forces.MACAU;
import static org.gbx.chaincode.testing.Forces.OVERSIGHT;
import static org.gbx.chaincode.testing.Forces.ZHUHAI;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.gbx.chaincode.model.Status;
import org.gbx.chaincode.rules.RequestAction;
import org.gbx.chaincode.testing.DocumentedExplanations;
import org.gbx.chaincode.testing.Exchange;
import org.gbx.chaincode.testing.Officer;
import org.gbx.chaincode.testing.Samples;
import org.gbx.chaincode.testing.TestChannel;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;

/**
 * Every (organisation × role × transaction × request status) combination, tried against
 * the contract and compared with the rules table of docs/ledger.md, written out here
 * independently of the production rule classes. Macau PJ requests from Zhuhai PSB;
 * Hong Kong is a third force party to nothing; a null role is a certificate without
 * {@code gbx.role}.
 */
class AuthorizationMatrixTest {
    private static final String ID = "req-matrix";
    private static final List<String> ORGS = List.of(MACAU, ZHUHAI, OVERSIGHT, HONG_KONG);
    private static final List<String> ROLES = Arrays.asList("liaison", "approver", "auditor", "admin", null);
    private static final Set<Status> LIVE = EnumSet.of(APPROVED, PARTIALLY_APPROVED, DELIVERED, RECEIVED, ACCESSED);

    private record Case(String org, String role, RequestAction action, Status status) {
    }

    private record Outcome(Case of, ErrorCode refusal) {
        boolean allowed() {
            return refusal == null;
        }
    }

    @Test
    void every_request_transaction_is_allowed_exactly_where_the_rules_table_says() {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (String org : ORGS) {
            for (String role : ROLES) {
                for (RequestAction action : EnumSet.complementOf(EnumSet.of(RequestAction.CREATE))) {
                    for (Status status : Status.values()) {
                        Case c = new Case(org, role, action, status);
                        Outcome outcome = attempt(c);
                        outcomes.add(outcome);
                        ErrorCode expected = expectedRefusal(c);
                        if (outcome.refusal() != expected) {
                            mismatches.add(c + " expected " + (expected == null ? "allowed" : expected)
                                    + " but was " + (outcome.allowed() ? "allowed" : outcome.refusal()));
                        }
                    }
                }
            }
        }

        assertThat(mismatches).isEmpty();
        assertThat(outcomes).hasSize(4 * 5 * 9 * 11);
        assertThat(outcomes.stream().filter(Outcome::allowed)).hasSize(42);
        assertThat(outcomes.stream().filter(o -> !o.allowed())).hasSize(1938);
    }

    @Test
    void only_a_liaison_of_a_force_may_create_a_request_and_only_towards_another_force() {
        int allowed = 0;
        for (String org : ORGS) {
            for (String role : ROLES) {
                TestChannel channel = new TestChannel();
                String target = org.equals(ZHUHAI) ? MACAU : ZHUHAI;
                ErrorCode refusal = refusalOf(() -> channel.submit(Officer.of(org, role),
                        TestChannel.details(Samples.CASE_DETAILS),
                        (c, ctx) -> c.createRequest(ctx, ID, Samples.requestJson(target, IDENTITY))));
                boolean mayCreate = "liaison".equals(role) && !org.equals(OVERSIGHT);
                assertThat(refusal).as(org + "/" + role)
                        .isEqualTo(mayCreate ? null : role == null ? ErrorCode.UNKNOWN_ROLE : ErrorCode.UNAUTHORIZED);
                allowed += refusal == null ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(3);
    }

    @Test
    void only_an_auditor_or_admin_of_the_committee_may_suspend_or_unsuspend_a_force() {
        int allowed = 0;
        for (String org : ORGS) {
            for (String role : ROLES) {
                TestChannel channel = new TestChannel();
                Officer who = Officer.of(org, role);
                ErrorCode suspend = refusalOf(() -> channel.submit(who, (c, ctx) -> c.suspendOrg(ctx, HONG_KONG, "Audit")));
                channel.submit(Officer.of(OVERSIGHT, "auditor"), (c, ctx) -> c.suspendOrg(ctx, MACAU, "Audit"));
                ErrorCode unsuspend = refusalOf(() -> channel.submit(who, (c, ctx) -> c.unsuspendOrg(ctx, MACAU, "Done")));
                boolean committee = org.equals(OVERSIGHT) && ("auditor".equals(role) || "admin".equals(role));
                ErrorCode expected = committee ? null : role == null ? ErrorCode.UNKNOWN_ROLE : ErrorCode.UNAUTHORIZED;
                assertThat(suspend).as("suspend by " + org + "/" + role).isEqualTo(expected);
                assertThat(unsuspend).as("unsuspend by " + org + "/" + role).isEqualTo(expected);
                allowed += (suspend == null ? 1 : 0) + (unsuspend == null ? 1 : 0);
            }
        }
        assertThat(allowed).isEqualTo(4);
    }

    /** The rules table of docs/ledger.md: null means allowed. */
    private static ErrorCode expectedRefusal(Case c) {
        if (c.role() == null) {
            return ErrorCode.UNKNOWN_ROLE;
        }
        boolean requesterLiaison = c.org().equals(MACAU) && c.role().equals("liaison");
        boolean targetApprover = c.org().equals(ZHUHAI) && c.role().equals("approver");
        boolean targetLiaison = c.org().equals(ZHUHAI) && c.role().equals("liaison");
        boolean forceOfficer = (c.org().equals(MACAU) || c.org().equals(ZHUHAI))
                && (c.role().equals("liaison") || c.role().equals("approver"));
        boolean mayAct = switch (c.action()) {
            case APPROVE, REJECT, REVOKE -> targetApprover;
            case DELIVER, NO_MATCH -> targetLiaison;
            case RECEIVE, ACCESS, DESTROY, CREATE -> requesterLiaison;
            case EXPIRE -> forceOfficer;
        };
        Set<Status> from = switch (c.action()) {
            case APPROVE, REJECT -> EnumSet.of(PENDING);
            case REVOKE, EXPIRE -> LIVE;
            case DELIVER -> EnumSet.of(APPROVED, PARTIALLY_APPROVED, DELIVERED);
            case NO_MATCH -> EnumSet.of(APPROVED, PARTIALLY_APPROVED);
            case RECEIVE -> EnumSet.of(DELIVERED);
            case ACCESS -> EnumSet.of(RECEIVED, ACCESSED);
            case DESTROY -> EnumSet.of(REJECTED, NO_MATCH, DELIVERED, RECEIVED, ACCESSED, REVOKED, EXPIRED);
            case CREATE -> EnumSet.noneOf(Status.class);
        };
        if (!mayAct) {
            return ErrorCode.UNAUTHORIZED;
        }
        return from.contains(c.status()) ? null : ErrorCode.ILLEGAL_TRANSITION;
    }

    /** Builds the request in the case's status, then tries the transaction once. */
    private static Outcome attempt(Case c) {
        TestChannel channel = new TestChannel();
        Exchange exchange = new Exchange(channel);
        exchange.bringTo(ID, c.status());
        boolean afterExpiry = c.action() == RequestAction.EXPIRE || c.status() == EXPIRED;
        channel.setTime(afterExpiry ? Samples.EXPIRES_AT.plus(Duration.ofDays(1)) : TestChannel.START.plus(Duration.ofDays(2)));
        Status before = exchange.request(ID).status();
        ErrorCode refusal = refusalOf(() -> channel.submit(Officer.of(c.org(), c.role()), transaction(c.action())));
        Status after = exchange.request(ID).status();
        if (refusal != null) {
            assertThat(after).as(c + " refused, so the status stays").isEqualTo(before);
        }
        return new Outcome(c, refusal);
    }

    private static BiFunction<ExchangeContract, Context, String> transaction(RequestAction action) {
        return switch (action) {
            case APPROVE -> (c, ctx) -> c.approveRequest(ctx, ID,
                    Samples.grantJson(Samples.EXPIRES_AT, Samples.DESTROY_BY, 3, IDENTITY));
            case REJECT -> (c, ctx) -> c.rejectRequest(ctx, ID, "Not proportionate");
            case REVOKE -> (c, ctx) -> c.revokeGrant(ctx, ID, "Case closed");
            case DELIVER -> (c, ctx) -> c.recordDelivery(ctx, ID, Samples.deliveryJson(ID, IDENTITY));
            case NO_MATCH -> (c, ctx) -> c.recordNoMatch(ctx, ID);
            case RECEIVE -> (c, ctx) -> c.recordReceipt(ctx, ID, Samples.packageHash(ID));
            case ACCESS -> (c, ctx) -> c.recordAccess(ctx, ID, "Cross-check");
            case EXPIRE -> (c, ctx) -> c.expireGrant(ctx, ID);
            case DESTROY -> (c, ctx) -> c.recordDestruction(ctx, ID, "SECURE_ERASE");
            case CREATE -> throw new IllegalArgumentException("creation has its own test");
        };
    }

    private static ErrorCode refusalOf(Runnable transaction) {
        try {
            transaction.run();
            return null;
        } catch (ChaincodeException refusal) {
            assertThat(DocumentedExplanations.documents(refusal.getMessage()))
                    .as("docs/ledger.md (Explanations) lists the form of: " + refusal.getMessage()).isTrue();
            return ErrorCode.of(refusal);
        }
    }
}
