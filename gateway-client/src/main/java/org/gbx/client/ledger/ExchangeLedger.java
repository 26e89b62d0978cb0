package org.gbx.client.ledger;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gbx.client.connection.Deadlines;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.AuditTrail;
import org.gbx.client.model.DeliveryManifest;
import org.gbx.client.model.DestructionMethod;
import org.gbx.client.model.DetailsCheck;
import org.gbx.client.model.Endorsement;
import org.gbx.client.model.EndorsementSignature;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.GrantTerms;
import org.gbx.client.model.HistoryEntry;
import org.gbx.client.model.NewRequest;
import org.gbx.client.model.RequestPage;
import org.gbx.client.model.SealedDetails;
import org.gbx.client.model.Status;
import org.gbx.client.model.Suspension;
import org.hyperledger.fabric.client.Contract;

/**
 * The typed facade over the {@code exchange} contract (docs/ledger.md): one method per
 * transaction, typed results, and {@link LedgerException}s on failure. The CLI, the exchange
 * node and the audit tools use only this, never the Gateway SDK directly.
 *
 * <p>Changes to a request are endorsed by its two forces, named explicitly. Every call has a deadline; submissions that hit a read conflict are retried with a new
 * proposal (bounded). Request ids are chosen by the caller, so replaying a
 * {@link #createRequest} with the same terms returns the existing request instead of a second one.
 */
public final class ExchangeLedger {

    /** The transient-data key under which the chaincode expects case details. */
    static final String DETAILS_KEY = "details";

    private static final TypeReference<List<ExchangeRequest>> REQUESTS = new TypeReference<>() { };
    private static final TypeReference<List<AccessRecord>> ACCESSES = new TypeReference<>() { };
    private static final TypeReference<List<HistoryEntry>> HISTORY = new TypeReference<>() { };
    private static final TypeReference<List<AuditTrail>> TRAILS = new TypeReference<>() { };

    /** How long a call waits for a peer that has not caught up before saying so (docs/cli.md, exit 6). */
    static final Duration CATCH_UP_PATIENCE = Duration.ofSeconds(20);
    /** A peer that caught up may be behind again after a busy moment; so often it is waited for, at most. */
    private static final int CATCH_UP_ROUNDS = 3;
    /** Refusals a query can get from a peer that is behind. */
    private static final java.util.Set<String> STALE_QUERY_CODES = java.util.Set.of("NOT_FOUND", "DETAILS_UNAVAILABLE");

    private final TransactionRunner runner;
    private final String callerMspId;
    private final CatchUp catchUp;
    private final List<String> organisations;

    ExchangeLedger(TransactionRunner runner, String callerMspId, CatchUp catchUp, List<String> organisations) {
        this.runner = runner;
        this.callerMspId = callerMspId;
        this.catchUp = catchUp;
        this.organisations = List.copyOf(organisations);
    }

    public static ExchangeLedger over(LedgerConnection connection) {
        Deadlines deadlines = Deadlines.defaults();
        String own = connection.identity().organisation().mspId();
        CatchUp catchUp = new CatchUp(PeerHeights.of(connection.network(), deadlines), own, CATCH_UP_PATIENCE,
                (Duration d) -> Thread.sleep(d.toMillis()));
        return new ExchangeLedger(runner(connection.contract(), deadlines, ConflictRetry.defaults()), own, catchUp,
                connection.config().organisations().stream().map(org -> org.mspId()).toList());
    }

    /** A ledger that never waits for a peer to catch up: for benchmarks and tests of other concerns. */
    public static ExchangeLedger over(Contract contract, String callerMspId, Deadlines deadlines,
            ConflictRetry retry) {
        return new ExchangeLedger(runner(contract, deadlines, retry), callerMspId, CatchUp.NONE, List.of(callerMspId));
    }

    static ExchangeLedger over(TransactionRunner runner, String callerMspId, CatchUp catchUp,
            List<String> organisations) {
        return new ExchangeLedger(runner, callerMspId, catchUp, organisations);
    }

    private static TransactionRunner runner(Contract contract, Deadlines deadlines, ConflictRetry retry) {
        return new TransactionRunner(contract, deadlines, retry, (Duration d) -> Thread.sleep(d.toMillis()));
    }

    /** {@code WhoAmI}: the caller as the chaincode sees it. */
    public Caller whoAmI() {
        return evaluate(TransactionCall.of("WhoAmI"), Caller.class);
    }

    /** {@code Ping}: writes a connectivity record and emits a {@code Ping} event. */
    public SubmitReceipt ping(String pingId) {
        return runner.submit(TransactionCall.of("Ping", pingId)).receipt();
    }

    /**
     * {@code BenchWrite}: the benchmark baseline (one state write under {@code bench~}; docs/ledger.md),
     * endorsed by the named organisations as a request change is by its two forces.
     */
    public SubmitReceipt benchWrite(String key, List<String> endorsingMspIds) {
        return runner.submit(TransactionCall.of("BenchWrite", key).endorsedBy(endorsingMspIds)).receipt();
    }

    /** {@code GetPing}: reads a connectivity record back through this connection's peer. */
    public PingRecord getPing(String pingId) {
        return evaluate(TransactionCall.of("GetPing", pingId), PingRecord.class);
    }

    /**
     * {@code CreateRequest}: the caller's force asks {@code request.targetOrg()} for data. The case
     * details go sealed, as transient data, endorsed by exactly the two forces whose private
     * collections store them (docs/ledger.md, "Destruction"; the use case that seals them and hands
     * the key to the force's node is {@code org.gbx.client.usecase.RequestCreation}).
     */
    public Submitted<ExchangeRequest> createRequest(String requestId, NewRequest request, SealedDetails details) {
        TransactionCall call = TransactionCall.of("CreateRequest", requestId, LedgerJson.write(request))
                .withTransient(Map.of(DETAILS_KEY, details.bytes()))
                .endorsedBy(List.of(callerMspId, request.targetOrg()));
        return submitCatchingUp(call, ExchangeRequest.class);
    }

    /** {@code ApproveRequest}: the target's approver grants all or part of what was asked. */
    public Submitted<ExchangeRequest> approveRequest(String requestId, GrantTerms grant) {
        return submitOnRequest(TransactionCall.of("ApproveRequest", requestId, LedgerJson.write(grant)), requestId,
                ExchangeRequest.class);
    }

    /** {@code RejectRequest}: the target's approver refuses, with a reason. */
    public Submitted<ExchangeRequest> rejectRequest(String requestId, String reason) {
        return submitOnRequest(TransactionCall.of("RejectRequest", requestId, reason), requestId, ExchangeRequest.class);
    }

    /** {@code RevokeGrant}: the target's approver withdraws a grant. */
    public Submitted<ExchangeRequest> revokeGrant(String requestId, String reason) {
        return submitOnRequest(TransactionCall.of("RevokeGrant", requestId, reason), requestId, ExchangeRequest.class);
    }

    /** {@code RecordDelivery}: the target force records the hash of the package it sent. */
    public Submitted<ExchangeRequest> recordDelivery(String requestId, DeliveryManifest delivery) {
        return submitOnRequest(TransactionCall.of("RecordDelivery", requestId, LedgerJson.write(delivery)), requestId,
                ExchangeRequest.class);
    }

    /** {@code RecordNoMatch}: the target force answers that none of its records match the grant. */
    public Submitted<ExchangeRequest> recordNoMatch(String requestId) {
        return submitOnRequest(TransactionCall.of("RecordNoMatch", requestId), requestId, ExchangeRequest.class);
    }

    /** {@code RecordReceipt}: the requester records the hash it computed over what it received. */
    public Submitted<ExchangeRequest> recordReceipt(String requestId, String computedHash) {
        return submitOnRequest(TransactionCall.of("RecordReceipt", requestId, computedHash), requestId,
                ExchangeRequest.class);
    }

    /** {@code RecordAccess}: one use of the received data, allowed only while the grant is live. */
    public Submitted<AccessRecord> recordAccess(String requestId, String justification) {
        return submitOnRequest(TransactionCall.of("RecordAccess", requestId, justification), requestId,
                AccessRecord.class);
    }

    /**
     * {@code RecordAccess} run on this organisation's peer and not submitted: nothing is written,
     * but a refusal is the one the ledger would give now (expired, used up, revoked, suspended...).
     */
    public void tryRecordAccess(String requestId, String justification) {
        runner.evaluate(TransactionCall.of("RecordAccess", requestId, justification));
    }

    /** {@code ExpireGrant}: marks a grant whose expiry has passed. */
    public Submitted<ExchangeRequest> expireGrant(String requestId) {
        return submitOnRequest(TransactionCall.of("ExpireGrant", requestId), requestId, ExchangeRequest.class);
    }

    /** {@code RecordDestruction}: the requester attests destruction; both forces' private copies are purged. */
    public Submitted<ExchangeRequest> recordDestruction(String requestId, DestructionMethod method) {
        return submitOnRequest(TransactionCall.of("RecordDestruction", requestId, method.name()), requestId,
                ExchangeRequest.class);
    }

    /** {@code SuspendOrg}: the committee freezes a force. */
    public Submitted<Suspension> suspendOrg(String mspId, String reason) {
        return submit(TransactionCall.of("SuspendOrg", mspId, reason), Suspension.class);
    }

    /** {@code UnsuspendOrg}: the committee lifts a freeze. */
    public Submitted<Suspension> unsuspendOrg(String mspId, String reason) {
        return submit(TransactionCall.of("UnsuspendOrg", mspId, reason), Suspension.class);
    }

    public Suspension getSuspension(String mspId) {
        return evaluate(TransactionCall.of("GetSuspension", mspId), Suspension.class);
    }

    public ExchangeRequest getRequest(String requestId) {
        return LedgerJson.read(evaluateOnRequest(TransactionCall.of("GetRequest", requestId)), ExchangeRequest.class);
    }

    /** {@code GetPrivateDetails}: the sealed case details from the caller's own organisation's collection. */
    public SealedDetails getPrivateDetails(String requestId) {
        byte[] stored = evaluateOnRequest(TransactionCall.of("GetPrivateDetails", requestId));
        try {
            return SealedDetails.parse(stored);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException("the private details of request " + requestId + " are not sealed",
                    new java.io.IOException(e.getMessage()));
        }
    }

    public DetailsCheck verifyDetailsHash(String requestId) {
        return LedgerJson.read(evaluateOnRequest(TransactionCall.of("VerifyDetailsHash", requestId)), DetailsCheck.class);
    }

    /** {@code ListRequests}: requests where {@code mspId} is requester or target, optionally in one status. */
    public RequestPage listRequests(String mspId, Status status, int pageSize, String bookmark) {
        return evaluate(TransactionCall.of("ListRequests", mspId, status == null ? "" : status.name(),
                Integer.toString(pageSize), bookmark == null ? "" : bookmark), RequestPage.class);
    }

    public List<AccessRecord> listAccesses(String requestId) {
        return LedgerJson.read(evaluateOnRequest(TransactionCall.of("ListAccesses", requestId)), ACCESSES);
    }

    /** {@code RequestEndorsement}: the requester's liaison asks for one received record, by leaf hash. */
    public Submitted<Endorsement> requestEndorsement(String requestId, String leafHash) {
        return submitOnRequest(TransactionCall.of("RequestEndorsement", requestId,
                LedgerJson.write(Map.of("leafHash", leafHash))), requestId, Endorsement.class);
    }

    /** {@code RecordEndorsement}: the owner's approver records its signature; the chaincode checks the proof. */
    public Submitted<Endorsement> recordEndorsement(String requestId, String leafHash, EndorsementSignature signature) {
        return submitOnRequest(TransactionCall.of("RecordEndorsement", requestId, leafHash,
                LedgerJson.write(signature)), requestId, Endorsement.class);
    }

    public Endorsement getEndorsement(String requestId, String leafHash) {
        return LedgerJson.read(evaluateOnRequest(TransactionCall.of("GetEndorsement", requestId, leafHash)), Endorsement.class);
    }

    /** {@code GetHistory}: the request's versions, oldest first, in commit order. */
    public List<HistoryEntry> getHistory(String requestId) {
        return LedgerJson.read(evaluateOnRequest(TransactionCall.of("GetHistory", requestId)), HISTORY);
    }

    /** {@code GetAuditTrails}: history and access records of up to 50 requests, in the order asked. */
    public List<AuditTrail> getAuditTrails(List<String> requestIds) {
        return LedgerJson.read(runner.evaluate(TransactionCall.of("GetAuditTrails", LedgerJson.write(requestIds))),
                TRAILS);
    }

    public List<ExchangeRequest> listOverdueAnswers() {
        return LedgerJson.read(runner.evaluate(TransactionCall.of("ListOverdueAnswers")), REQUESTS);
    }

    public List<ExchangeRequest> listOverdueGrants() {
        return LedgerJson.read(runner.evaluate(TransactionCall.of("ListOverdueGrants")), REQUESTS);
    }

    public List<ExchangeRequest> listOverdueDestructions() {
        return LedgerJson.read(runner.evaluate(TransactionCall.of("ListOverdueDestructions")), REQUESTS);
    }

    private <T> T evaluate(TransactionCall call, Class<T> type) {
        return LedgerJson.read(runner.evaluate(call), type);
    }

    /**
     * A query about one request, answered by the caller's own peer. "No such request" from it may
     * only mean the request was just created through another force's peer and this peer has not
     * committed that block yet: then the query waits for this peer to catch up and is asked again.
     */
    private byte[] evaluateOnRequest(TransactionCall call) {
        for (int round = 1; ; round++) {
            try {
                return runner.evaluate(call);
            } catch (ChaincodeRefusalException e) {
                if (!STALE_QUERY_CODES.contains(e.code()) || round > CATCH_UP_ROUNDS
                        || !catchUp.awaitOwnPeer(call.name(), organisations)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Submits a change to a request, endorsed by exactly its two forces: the key-level policy
     * requires both, and destruction purges both forces' private collections, which discovery
     * alone does not reliably combine. A refusal or a mismatch that only a peer behind the others
     * explains is tried again once that peer caught up: it wrote nothing.
     */
    private <T> Submitted<T> submitOnRequest(TransactionCall call, String requestId, Class<T> type) {
        ExchangeRequest request = getRequest(requestId);
        return submitCatchingUp(call.endorsedBy(List.of(request.requesterOrg(), request.targetOrg())), type);
    }

    private <T> Submitted<T> submitCatchingUp(TransactionCall call, Class<T> type) {
        List<String> compared = new java.util.ArrayList<>(call.endorsingMspIds());
        if (!compared.contains(callerMspId)) {
            compared.add(callerMspId);
        }
        for (int round = 1; ; round++) {
            try {
                TransactionRunner.Outcome outcome = runner.submit(call,
                        mismatch -> catchUp.awaitEven(call.name(), compared));
                return new Submitted<>(LedgerJson.read(outcome.result(), type), outcome.receipt());
            } catch (ChaincodeRefusalException e) {
                if (!CatchUp.STALE_STATE_CODES.contains(e.code()) || round > CATCH_UP_ROUNDS
                        || !catchUp.awaitEven(call.name(), compared)) {
                    throw e;
                }
            }
        }
    }

    private <T> Submitted<T> submit(TransactionCall call, Class<T> type) {
        TransactionRunner.Outcome outcome = runner.submit(call);
        return new Submitted<>(LedgerJson.read(outcome.result(), type), outcome.receipt());
    }
}
