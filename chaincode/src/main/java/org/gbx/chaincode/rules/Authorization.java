package org.gbx.chaincode.rules;

import static org.gbx.chaincode.ErrorCode.INVALID_TARGET;
import static org.gbx.chaincode.ErrorCode.ORG_SUSPENDED;
import static org.gbx.chaincode.ErrorCode.UNAUTHORIZED;
import static org.gbx.chaincode.identity.Role.ADMIN;
import static org.gbx.chaincode.identity.Role.APPROVER;
import static org.gbx.chaincode.identity.Role.AUDITOR;
import static org.gbx.chaincode.identity.Role.LIAISON;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.gbx.chaincode.identity.Caller;
import org.gbx.chaincode.identity.Role;
import org.gbx.chaincode.model.ExchangeRequest;

/**
 * Who may do what. Every decision uses the caller's certificate (organisation and role)
 * and the request's two forces; nothing here trusts an argument about identity.
 */
public final class Authorization {
    /** The oversight committee's organisation: audits and suspends, never party to a request. */
    public static final String COMMITTEE = "OversightMSP";

    /** Actions that only reduce exposure of data, so a suspension must not block them. */
    private static final Set<RequestAction> ALLOWED_WHILE_SUSPENDED =
            EnumSet.of(RequestAction.REVOKE, RequestAction.EXPIRE, RequestAction.DESTROY);

    private Authorization() {
    }

    /** A liaison of a force creates requests for its own force, to another force. */
    public static void requireMayCreate(Caller caller, String targetOrg) {
        if (caller.mspId().equals(COMMITTEE) || !caller.is(caller.mspId(), LIAISON)) {
            throw refusal(caller, RequestAction.CREATE);
        }
        if (targetOrg.equals(caller.mspId()) || targetOrg.equals(COMMITTEE)) {
            throw INVALID_TARGET.refuse("the target must be another force, not the requester or the committee");
        }
    }

    public static void requireMayAct(Caller caller, RequestAction action, ExchangeRequest request) {
        if (!permits(caller, action, request)) {
            throw refusal(caller, action);
        }
    }

    private static boolean permits(Caller caller, RequestAction action, ExchangeRequest request) {
        return switch (action) {
            case CREATE, RECEIVE, ACCESS, DESTROY -> caller.is(request.requesterOrg(), LIAISON);
            case APPROVE, REJECT, REVOKE -> caller.is(request.targetOrg(), APPROVER);
            case DELIVER, NO_MATCH -> caller.is(request.targetOrg(), LIAISON);
            case EXPIRE -> isOfficerOfAForce(caller, request);
        };
    }

    /** A frozen force's requests stand still, except for steps that withdraw or destroy data. */
    public static void requireNotFrozen(RequestAction action, ExchangeRequest request, Predicate<String> isSuspended) {
        if (!ALLOWED_WHILE_SUSPENDED.contains(action)) {
            requireNoForceSuspended(request, isSuspended);
        }
    }

    /** Steps outside the request lifecycle (evidence endorsements) stand still too. */
    public static void requireNoForceSuspended(ExchangeRequest request, Predicate<String> isSuspended) {
        if (request.forces().stream().anyMatch(isSuspended)) {
            throw ORG_SUSPENDED.refuse("a force of this request is suspended by the committee");
        }
    }

    /** Evidence: the requester's liaison asks, the data owner's approver endorses (異地簽註). */
    public static void requireMayAskEndorsement(Caller caller, ExchangeRequest request) {
        if (!caller.is(request.requesterOrg(), LIAISON)) {
            throw UNAUTHORIZED.refuse("only a liaison of the requesting force asks for an endorsement");
        }
    }

    public static void requireMayEndorse(Caller caller, ExchangeRequest request) {
        if (!caller.is(request.targetOrg(), APPROVER)) {
            throw UNAUTHORIZED.refuse("only an approver of the force that delivered the data endorses it");
        }
    }

    /** Case details: only officers of the two forces, and each reads its own copy. */
    public static void requireMayReadDetails(Caller caller, ExchangeRequest request) {
        if (!isOfficerOfAForce(caller, request)) {
            throw UNAUTHORIZED.refuse("only a liaison or approver of a force of the request reads its details");
        }
    }

    /** Operator-only transactions (the benchmark baseline): an admin of any organisation. */
    public static void requireAdmin(Caller caller) {
        if (caller.requireRole() != ADMIN) {
            throw UNAUTHORIZED.refuse("only an admin may call this transaction");
        }
    }

    /** Registering a force for oversight (and exchange) is an operator's step of the committee: its admins. */
    public static void requireMayRegister(Caller caller, String org) {
        if (!caller.is(COMMITTEE, ADMIN)) {
            throw UNAUTHORIZED.refuse("only an admin of " + COMMITTEE + " registers a force");
        }
        if (org.equals(COMMITTEE)) {
            throw INVALID_TARGET.refuse("the committee is not a force");
        }
    }

    /** Suspending a force is the committee's: its auditors and admins. */
    public static void requireMayOversee(Caller caller, String org) {
        if (!caller.is(COMMITTEE, AUDITOR) && !caller.is(COMMITTEE, ADMIN)) {
            throw UNAUTHORIZED.refuse("only an auditor or admin of " + COMMITTEE + " suspends a force");
        }
        if (org.equals(COMMITTEE)) {
            throw INVALID_TARGET.refuse("the committee cannot suspend itself");
        }
    }

    private static boolean isOfficerOfAForce(Caller caller, ExchangeRequest request) {
        Set<Role> officers = EnumSet.of(LIAISON, APPROVER);
        return request.forces().contains(caller.mspId()) && caller.role().filter(officers::contains).isPresent();
    }

    private static RuntimeException refusal(Caller caller, RequestAction action) {
        return UNAUTHORIZED.refuse(caller.role().map(Role::attributeValue).orElse("no role") + " of "
                + caller.mspId() + " may not " + action.transaction() + " on this request");
    }
}
