package org.gbx.chaincode;

import static org.gbx.chaincode.ErrorCode.DETAILS_UNAVAILABLE;
import static org.gbx.chaincode.ErrorCode.ENDORSEMENT_CONFLICT;
import static org.gbx.chaincode.ErrorCode.ILLEGAL_TRANSITION;
import static org.gbx.chaincode.ErrorCode.INVALID_TARGET;
import static org.gbx.chaincode.ErrorCode.LOOKUP_MISMATCH;
import static org.gbx.chaincode.ErrorCode.NOT_FOUND;
import static org.gbx.chaincode.ErrorCode.NOT_IN_DELIVERY;
import static org.gbx.chaincode.ErrorCode.REQUEST_ID_CONFLICT;
import static org.gbx.chaincode.ErrorCode.SUSPENSION_UNCHANGED;
import static org.gbx.chaincode.ErrorCode.UNAUTHORIZED;
import static org.gbx.chaincode.rules.Input.MAX_NOTE;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gbx.chaincode.evidence.MerkleProof;
import org.gbx.chaincode.identity.Hashes;
import org.gbx.chaincode.ledger.ChannelMembers;
import org.gbx.chaincode.ledger.LedgerJson;
import org.gbx.chaincode.ledger.LedgerKeys;
import org.gbx.chaincode.ledger.Lookups;
import org.gbx.chaincode.model.AccessRecord;
import org.gbx.chaincode.model.AuditTrail;
import org.gbx.chaincode.model.Decision;
import org.gbx.chaincode.model.DeliveryDraft;
import org.gbx.chaincode.model.DestructionMethod;
import org.gbx.chaincode.model.Destruction;
import org.gbx.chaincode.model.DetailsCheck;
import org.gbx.chaincode.model.Endorsement;
import org.gbx.chaincode.model.EndorsementAsk;
import org.gbx.chaincode.model.EndorsementSignature;
import org.gbx.chaincode.model.EndorsementStatus;
import org.gbx.chaincode.model.ExchangeRequest;
import org.gbx.chaincode.model.GrantDraft;
import org.gbx.chaincode.model.HistoryEntry;
import org.gbx.chaincode.model.LookupRecord;
import org.gbx.chaincode.model.NoMatch;
import org.gbx.chaincode.model.PingRecord;
import org.gbx.chaincode.model.Receipt;
import org.gbx.chaincode.model.RequestDraft;
import org.gbx.chaincode.model.RequestEvent;
import org.gbx.chaincode.model.Status;
import org.gbx.chaincode.model.Suspension;
import org.gbx.chaincode.rules.Authorization;
import org.gbx.chaincode.rules.Deadline;
import org.gbx.chaincode.rules.Input;
import org.gbx.chaincode.rules.Lifecycle;
import org.gbx.chaincode.rules.RequestAction;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.contract.annotation.Transaction.TYPE;

/**
 * The exchange contract: requests between forces from creation to destruction, the
 * committee's suspensions, and the queries. Each transaction parses its arguments and
 * hands over to the rules (Authorization, Lifecycle) and the ledger classes; the
 * contract with clients is docs/ledger.md. Every answer is deterministic JSON.
 */
@Contract(name = "exchange", info = @Info(title = "gbx exchange ledger", version = "0.1.0"))
@Default
public final class ExchangeContract implements ContractInterface {

    /** Read only to decide whether to endorse (rules/ProposalTime), never to decide what to write. */
    private final Clock hostClock;

    public ExchangeContract() {
        this(Clock.systemUTC());
    }

    /** With another clock: tests set the endorsing host's time apart from the proposal's. */
    public ExchangeContract(Clock hostClock) {
        this.hostClock = hostClock;
    }

    private Session session(Context ctx) {
        return Session.of(ctx, hostClock);
    }

    /** The shim's default answer ("Undefined contract method called") carries no code. */
    @Override
    public void unknownTransaction(Context ctx) {
        throw ErrorCode.UNKNOWN_TRANSACTION.refuse("no transaction of this name (docs/ledger.md lists them)");
    }

    @Transaction(name = "WhoAmI", intent = TYPE.EVALUATE)
    public String whoAmI(Context ctx) {
        return LedgerJson.write(session(ctx).caller().identity());
    }

    @Transaction(name = "Ping", intent = TYPE.SUBMIT)
    public String ping(Context ctx, String pingId) {
        String id = Input.newId("pingId", pingId);
        Session session = session(ctx);
        PingRecord record = new PingRecord(id, session.caller().mspId(), session.now());
        session.stub().putState(LedgerKeys.ping(id), LedgerJson.bytes(record));
        session.emit("Ping", record);
        return LedgerJson.write(record);
    }

    /**
     * Benchmark baseline only (scripts/bench.sh, docs/ledger.md): one state write and nothing
     * else, so the cost of the exchange rules can be told from Fabric's own. Its keys live under
     * {@code bench~}, which no exchange record uses, so it cannot overwrite one. Admins only: an
     * officer has no business writing to the ledger outside the exchange's rules.
     */
    @Transaction(name = "BenchWrite", intent = TYPE.SUBMIT)
    public void benchWrite(Context ctx, String key) {
        String id = Input.newId("key", key);
        Session session = session(ctx);
        Authorization.requireAdmin(session.caller());
        session.stub().putState(LedgerKeys.bench(id), id.getBytes(StandardCharsets.UTF_8));
    }

    @Transaction(name = "GetPing", intent = TYPE.EVALUATE)
    public String getPing(Context ctx, String pingId) {
        byte[] value = ctx.getStub().getState(LedgerKeys.ping(Input.id("pingId", pingId)));
        if (value == null || value.length == 0) {
            throw NOT_FOUND.refuse("no ping with this id");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Case details come only in transient key {@code details}; the public record keeps their hash. */
    @Transaction(name = "CreateRequest", intent = TYPE.SUBMIT)
    public String createRequest(Context ctx, String requestId, String requestJson) {
        String id = Input.newId("requestId", requestId);
        RequestDraft draft = LedgerJson.parseArgument("requestJson", requestJson, RequestDraft.class);
        Session session = session(ctx);
        byte[] details = session.details().fromTransient();
        ExchangeRequest request = draft.toRequest(id, session.caller(), Hashes.sha256Hex(details), session.now());
        session.caller().requireRole();
        Authorization.requireMayCreate(session.caller(), request.targetOrg());
        if (!session.suspensions().isRegistered(request.targetOrg())) {
            throw INVALID_TARGET.refuse("the target is not a force registered on this ledger");
        }
        if (!session.suspensions().isRegistered(request.requesterOrg())) {
            throw UNAUTHORIZED.refuse("the requesting force is not registered on this ledger");
        }
        Optional<ExchangeRequest> existing = session.requests().find(id);
        if (existing.isPresent()) {
            if (!existing.get().hasSameTerms(request)) {
                throw REQUEST_ID_CONFLICT.refuse("a different request already has this id");
            }
            return LedgerJson.write(existing.get());
        }
        Authorization.requireNotFrozen(RequestAction.CREATE, request, session.suspensions()::isSuspended);
        if (draft.lookupId() != null) {
            linkLookup(new Lookups(session.stub()), draft.lookupId(), request);
        }
        session.requests().create(request);
        session.details().store(request, details);
        session.emit(RequestAction.CREATE.eventFor(request), RequestEvent.of(request));
        return LedgerJson.write(request);
    }

    /** The hit that led to the request, for the committee: same two forces, one request per lookup. */
    private static void linkLookup(Lookups lookups, String lookupId, ExchangeRequest request) {
        LookupRecord lookup = lookups.load(lookupId);
        if (!lookup.askerOrg().equals(request.requesterOrg()) || !lookup.holderOrg().equals(request.targetOrg())) {
            throw LOOKUP_MISMATCH.refuse("the lookup was made by another force or of another force");
        }
        if (lookup.requestId() != null) {
            throw LOOKUP_MISMATCH.refuse("the lookup already led to another request");
        }
        lookups.update(lookup.ledTo(request.requestId()));
    }

    @Transaction(name = "ApproveRequest", intent = TYPE.SUBMIT)
    public String approveRequest(Context ctx, String requestId, String grantJson) {
        GrantDraft draft = LedgerJson.parseArgument("grantJson", grantJson, GrantDraft.class);
        Session session = session(ctx);
        return LedgerJson.write(session.transition(RequestAction.APPROVE, requestId, before -> {
            var grant = draft.toGrant(before, session.caller().officer(), session.time());
            return before.next(Lifecycle.afterApproval(before, grant), session.now()).grant(grant).build();
        }));
    }

    @Transaction(name = "RejectRequest", intent = TYPE.SUBMIT)
    public String rejectRequest(Context ctx, String requestId, String reason) {
        return decide(ctx, RequestAction.REJECT, requestId, reason);
    }

    @Transaction(name = "RevokeGrant", intent = TYPE.SUBMIT)
    public String revokeGrant(Context ctx, String requestId, String reason) {
        return decide(ctx, RequestAction.REVOKE, requestId, reason);
    }

    /** A reasoned decision of the target's approver: rejecting a request or revoking its grant. */
    private String decide(Context ctx, RequestAction action, String requestId, String reason) {
        String text = Input.requiredText("reason", reason, MAX_NOTE);
        Session session = session(ctx);
        Decision decision = new Decision(session.caller().officer(), session.now(), text);
        return LedgerJson.write(session.transition(action, requestId, before -> action == RequestAction.REJECT
                ? before.next(Status.REJECTED, session.now()).rejection(decision).build()
                : before.next(Status.REVOKED, session.now()).revocation(decision).build()));
    }

    @Transaction(name = "RecordDelivery", intent = TYPE.SUBMIT)
    public String recordDelivery(Context ctx, String requestId, String deliveryJson) {
        DeliveryDraft draft = LedgerJson.parseArgument("deliveryJson", deliveryJson, DeliveryDraft.class);
        Session session = session(ctx);
        return LedgerJson.write(session.transition(RequestAction.DELIVER, requestId, before -> {
            Lifecycle.requireGrantLive(before, session.time());
            var delivery = draft.toDelivery(before.grant(), session.caller().officer(), session.now());
            return before.next(Status.DELIVERED, session.now()).delivery(delivery).build();
        }));
    }

    /**
     * The holder's answer that none of its records match the grant, so nothing will be delivered:
     * the requester learns it from the ledger instead of waiting for a delivery that never comes.
     * Recorded by the holder's liaison (its exchange node, after the search), while the grant is live.
     */
    @Transaction(name = "RecordNoMatch", intent = TYPE.SUBMIT)
    public String recordNoMatch(Context ctx, String requestId) {
        Session session = session(ctx);
        return LedgerJson.write(session.transition(RequestAction.NO_MATCH, requestId, before -> {
            Lifecycle.requireGrantLive(before, session.time());
            var noMatch = new NoMatch(session.caller().officer(), session.now(), before.grant().categories());
            return before.next(Status.NO_MATCH, session.now()).noMatch(noMatch).build();
        }));
    }

    /** The recipient's own hash of the package; a mismatch is recorded and flagged, never accepted. */
    @Transaction(name = "RecordReceipt", intent = TYPE.SUBMIT)
    public String recordReceipt(Context ctx, String requestId, String computedHash) {
        String hash = Input.sha256Hex("computedHash", computedHash);
        Session session = session(ctx);
        return LedgerJson.write(session.transition(RequestAction.RECEIVE, requestId, before -> {
            boolean matches = hash.equals(before.delivery().packageHash());
            var receipt = new Receipt(hash, matches, session.caller().officer(), session.now());
            return before.next(Lifecycle.afterReceipt(matches), session.now()).receipt(receipt).build();
        }));
    }

    @Transaction(name = "RecordAccess", intent = TYPE.SUBMIT)
    public String recordAccess(Context ctx, String requestId, String justification) {
        String text = Input.requiredText("justification", justification, MAX_NOTE);
        Session session = session(ctx);
        ExchangeRequest after = session.transition(RequestAction.ACCESS, requestId, before -> {
            Lifecycle.requireGrantLive(before, session.time());
            Lifecycle.requireAccessLeft(before);
            return before.next(Status.ACCESSED, session.now()).oneMoreAccess().build();
        });
        AccessRecord access = new AccessRecord(after.requestId(), after.accessCount(), session.caller().officer(),
                text, session.now());
        session.requests().addAccess(after, access);
        return LedgerJson.write(access);
    }

    @Transaction(name = "ExpireGrant", intent = TYPE.SUBMIT)
    public String expireGrant(Context ctx, String requestId) {
        Session session = session(ctx);
        return LedgerJson.write(session.transition(RequestAction.EXPIRE, requestId, before -> {
            Lifecycle.requireExpiryPassed(before, session.time());
            return before.next(Status.EXPIRED, session.now()).build();
        }));
    }

    /** Destruction also purges both forces' private copies of the case details. */
    @Transaction(name = "RecordDestruction", intent = TYPE.SUBMIT)
    public String recordDestruction(Context ctx, String requestId, String method) {
        DestructionMethod how = Input.enumValue(DestructionMethod.class, "method", method);
        Session session = session(ctx);
        ExchangeRequest after = session.transition(RequestAction.DESTROY, requestId, before -> {
            var destruction = new Destruction(how, session.caller().officer(), session.now(),
                    Lifecycle.isLate(before, session.time()));
            return before.next(Status.DESTROYED, session.now()).destruction(destruction).build();
        });
        session.details().purge(after);
        return LedgerJson.write(after);
    }

    /** The requester's liaison asks the owner to endorse one received record as evidence. */
    @Transaction(name = "RequestEndorsement", intent = TYPE.SUBMIT)
    public String requestEndorsement(Context ctx, String requestId, String askJson) {
        EndorsementAsk ask = LedgerJson.parseArgument("askJson", askJson, EndorsementAsk.class);
        Session session = session(ctx);
        ExchangeRequest request = session.read(requestId);
        Authorization.requireMayAskEndorsement(session.caller(), request);
        Optional<Endorsement> existing = session.endorsements().find(request.requestId(), ask.leafHash());
        if (existing.isPresent()) {
            if (request.delivery() == null || !existing.get().merkleRoot().equals(request.delivery().merkleRoot())) {
                throw ENDORSEMENT_CONFLICT.refuse("this record was asked for under another delivery");
            }
            return LedgerJson.write(existing.get());
        }
        Authorization.requireNoForceSuspended(request, session.suspensions()::isSuspended);
        Lifecycle.requireEndorsable(request);
        Endorsement asked = Endorsement.asked(request.requestId(), ask, request.delivery(),
                session.caller().officer(), session.now());
        session.endorsements().ask(session.requests(), request, asked);
        session.emit("EndorsementRequested", asked);
        return LedgerJson.write(asked);
    }

    /**
     * The owner's approver records its signature (the state keeps its hash). Refused unless the Merkle proof takes the
     * asked leaf to the delivery's root on the ledger: a record that was not delivered cannot be
     * endorsed, whatever the approver signed.
     */
    @Transaction(name = "RecordEndorsement", intent = TYPE.SUBMIT)
    public String recordEndorsement(Context ctx, String requestId, String leafHash, String signatureJson) {
        String leaf = Input.sha256Hex("leafHash", leafHash);
        EndorsementSignature signature =
                LedgerJson.parseArgument("signatureJson", signatureJson, EndorsementSignature.class);
        Session session = session(ctx);
        ExchangeRequest request = session.read(requestId);
        Authorization.requireMayEndorse(session.caller(), request);
        Endorsement asked = session.endorsements().load(request.requestId(), leaf);
        if (asked.status() != EndorsementStatus.REQUESTED) {
            throw ILLEGAL_TRANSITION.refuse("this record is already endorsed");
        }
        Authorization.requireNoForceSuspended(request, session.suspensions()::isSuspended);
        Lifecycle.requireEndorsable(request);
        String root = request.delivery().merkleRoot();
        if (!root.equals(asked.merkleRoot()) || !MerkleProof.includes(root, leaf, signature.leafIndex(),
                signature.leafCount(), signature.proof())) {
            throw NOT_IN_DELIVERY.refuse("the proof does not take this leaf to the delivered Merkle root");
        }
        Endorsement endorsed = asked.endorsed(signature, session.stub().getTxId(), session.caller().officer(),
                session.now());
        session.endorsements().endorse(endorsed);
        session.emit("RecordEndorsed", endorsed);
        return LedgerJson.write(endorsed);
    }

    @Transaction(name = "GetEndorsement", intent = TYPE.EVALUATE)
    public String getEndorsement(Context ctx, String requestId, String leafHash) {
        String leaf = Input.sha256Hex("leafHash", leafHash);
        Session session = session(ctx);
        ExchangeRequest request = session.read(requestId);
        return LedgerJson.write(session.endorsements().load(request.requestId(), leaf));
    }

    /**
     * The committee's admin registers a force of the channel: its suspension record is created, so
     * the committee can suspend it without its cooperation, and it may exchange. Idempotent.
     */
    @Transaction(name = "RegisterForce", intent = TYPE.SUBMIT)
    public String registerForce(Context ctx, String mspId) {
        String org = Input.mspId(mspId);
        Session session = session(ctx);
        session.caller().requireRole();
        Authorization.requireMayRegister(session.caller(), org);
        Optional<Suspension> existing = session.suspensions().find(org);
        if (existing.isPresent()) {
            return LedgerJson.write(existing.get());
        }
        if (!ChannelMembers.isMember(session.stub(), org)) {
            throw INVALID_TARGET.refuse("the organisation is not a member of this channel");
        }
        Suspension registered = Suspension.never(org);
        session.suspensions().register(registered);
        session.emit("ForceRegistered", registered);
        return LedgerJson.write(registered);
    }

    @Transaction(name = "SuspendOrg", intent = TYPE.SUBMIT)
    public String suspendOrg(Context ctx, String mspId, String reason) {
        return changeSuspension(ctx, mspId, reason, true);
    }

    @Transaction(name = "UnsuspendOrg", intent = TYPE.SUBMIT)
    public String unsuspendOrg(Context ctx, String mspId, String reason) {
        return changeSuspension(ctx, mspId, reason, false);
    }

    private String changeSuspension(Context ctx, String mspId, String reason, boolean suspend) {
        String org = Input.mspId(mspId);
        String text = Input.requiredText("reason", reason, MAX_NOTE);
        Session session = session(ctx);
        session.caller().requireRole();
        Authorization.requireMayOversee(session.caller(), org);
        if (!session.suspensions().isRegistered(org)) {
            throw INVALID_TARGET.refuse("the organisation is not a force registered on this ledger");
        }
        if (session.suspensions().isSuspended(org) == suspend) {
            throw SUSPENSION_UNCHANGED.refuse(suspend ? "the force is already suspended" : "the force is not suspended");
        }
        Suspension suspension = new Suspension(org, suspend, session.caller().officer(), session.now(), text);
        session.suspensions().record(suspension);
        session.emit(suspend ? "OrgSuspended" : "OrgUnsuspended", suspension);
        return LedgerJson.write(suspension);
    }

    @Transaction(name = "GetSuspension", intent = TYPE.EVALUATE)
    public String getSuspension(Context ctx, String mspId) {
        String org = Input.mspId(mspId);
        Session session = session(ctx);
        session.caller().requireRole();
        return LedgerJson.write(session.suspensions().of(org));
    }

    @Transaction(name = "GetRequest", intent = TYPE.EVALUATE)
    public String getRequest(Context ctx, String requestId) {
        return LedgerJson.write(session(ctx).read(requestId));
    }

    /** Answers from the caller's own organisation's collection: evaluate it on one of its peers. */
    @Transaction(name = "GetPrivateDetails", intent = TYPE.EVALUATE)
    public String getPrivateDetails(Context ctx, String requestId) {
        Session session = session(ctx);
        ExchangeRequest request = session.read(requestId);
        Authorization.requireMayReadDetails(session.caller(), request);
        if (!session.caller().mspId().equals(session.stub().getMspId())) {
            // The peer holds only its own organisation's copy; asking another's is Fabric's access error.
            throw DETAILS_UNAVAILABLE.refuse("this peer is another organisation's: read the details through a peer "
                    + "of your own organisation");
        }
        return new String(session.details().ownCopy(session.caller().mspId(), request.requestId()),
                StandardCharsets.UTF_8);
    }

    /** Lets anyone, the committee included, check both private copies against the public hash. */
    @Transaction(name = "VerifyDetailsHash", intent = TYPE.EVALUATE)
    public String verifyDetailsHash(Context ctx, String requestId) {
        Session session = session(ctx);
        ExchangeRequest request = session.read(requestId);
        return LedgerJson.write(DetailsCheck.of(request.requestId(), request.detailsHash(),
                session.details().copyHash(request.requesterOrg(), request.requestId()),
                session.details().copyHash(request.targetOrg(), request.requestId())));
    }

    @Transaction(name = "ListRequests", intent = TYPE.EVALUATE)
    public String listRequests(Context ctx, String mspId, String status, String pageSize, String bookmark) {
        String org = Input.mspId(mspId);
        Status wanted = status == null || status.isEmpty() ? null : Input.enumValue(Status.class, "status", status);
        int size = Input.pageSize(pageSize);
        String from = Input.bookmark(bookmark);
        Session session = session(ctx);
        session.caller().requireRole();
        return LedgerJson.write(session.requests().page(org, wanted, size, from));
    }

    @Transaction(name = "ListAccesses", intent = TYPE.EVALUATE)
    public String listAccesses(Context ctx, String requestId) {
        Session session = session(ctx);
        ExchangeRequest request = session.read(requestId);
        return LedgerJson.write(session.requests().accesses(request.requestId()));
    }

    @Transaction(name = "GetHistory", intent = TYPE.EVALUATE)
    public String getHistory(Context ctx, String requestId) {
        Session session = session(ctx);
        ExchangeRequest request = session.read(requestId);
        List<HistoryEntry> history = session.requests().history(request.requestId());
        return LedgerJson.write(history);
    }

    /**
     * The history and access records of up to {@value Input#MAX_AUDIT_TRAILS} requests in one call:
     * the committee's audit compares every request, and two calls per request made that
     * comparison most of a verification's time on a busy ledger.
     */
    @Transaction(name = "GetAuditTrails", intent = TYPE.EVALUATE)
    public String getAuditTrails(Context ctx, String requestIdsJson) {
        List<String> ids = Input.ids("requestIds", LedgerJson.parseArgument("requestIds", requestIdsJson,
                String[].class));
        Session session = session(ctx);
        List<AuditTrail> trails = new ArrayList<>(ids.size());
        for (String id : ids) {
            ExchangeRequest request = session.read(id);
            trails.add(new AuditTrail(request.requestId(), session.requests().history(request.requestId()),
                    session.requests().accesses(request.requestId())));
        }
        return LedgerJson.write(trails);
    }

    @Transaction(name = "ListOverdueAnswers", intent = TYPE.EVALUATE)
    public String listOverdueAnswers(Context ctx) {
        return overdue(ctx, Deadline.ANSWER);
    }

    @Transaction(name = "ListOverdueGrants", intent = TYPE.EVALUATE)
    public String listOverdueGrants(Context ctx) {
        return overdue(ctx, Deadline.GRANT_EXPIRY);
    }

    @Transaction(name = "ListOverdueDestructions", intent = TYPE.EVALUATE)
    public String listOverdueDestructions(Context ctx) {
        return overdue(ctx, Deadline.DESTRUCTION);
    }

    private String overdue(Context ctx, Deadline deadline) {
        Session session = session(ctx);
        session.caller().requireRole();
        return LedgerJson.write(session.requests().inStatuses(deadline.statuses()).stream()
                .filter(request -> deadline.isMissed(request, session.now()))
                .toList());
    }
}
