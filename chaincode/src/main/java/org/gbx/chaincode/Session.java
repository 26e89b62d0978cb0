package org.gbx.chaincode;

import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.gbx.chaincode.identity.Caller;
import org.gbx.chaincode.ledger.CaseDetails;
import org.gbx.chaincode.ledger.Endorsements;
import org.gbx.chaincode.ledger.LedgerJson;
import org.gbx.chaincode.ledger.RequestLedger;
import org.gbx.chaincode.ledger.Suspensions;
import org.gbx.chaincode.model.ExchangeRequest;
import org.gbx.chaincode.model.RequestEvent;
import org.gbx.chaincode.rules.Authorization;
import org.gbx.chaincode.rules.Input;
import org.gbx.chaincode.rules.Lifecycle;
import org.gbx.chaincode.rules.ProposalTime;
import org.gbx.chaincode.rules.RequestAction;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * One transaction's view: who calls, when (the transaction timestamp, endorsed only within the
 * window of {@link ProposalTime}), and the ledger.
 */
final class Session {
    private final ChaincodeStub stub;
    private final Caller caller;
    private final ProposalTime time;

    private Session(ChaincodeStub stub, Caller caller, ProposalTime time) {
        this.stub = stub;
        this.caller = caller;
        this.time = time;
    }

    /** Refuses a proposal whose timestamp is outside the window around {@code hostClock}. */
    static Session of(Context ctx, Clock hostClock) {
        ChaincodeStub stub = ctx.getStub();
        return new Session(stub, Caller.of(ctx.getClientIdentity()),
                ProposalTime.endorsedAt(stub.getTxTimestamp(), hostClock.instant()));
    }

    Caller caller() {
        return caller;
    }

    /** The timestamp every record of this transaction carries. */
    Instant now() {
        return time.recorded();
    }

    /** The interval the endorsement really happened in, for deadline rules. */
    ProposalTime time() {
        return time;
    }

    RequestLedger requests() {
        return new RequestLedger(stub);
    }

    CaseDetails details() {
        return new CaseDetails(stub);
    }

    Endorsements endorsements() {
        return new Endorsements(stub);
    }

    Suspensions suspensions() {
        return new Suspensions(stub);
    }

    /** Reads a request for a caller that has a role: the checks every query shares. */
    ExchangeRequest read(String requestId) {
        String id = Input.id("requestId", requestId);
        caller.requireRole();
        return requests().load(id);
    }

    /**
     * Applies one lifecycle step to a request, in the order of docs/ledger.md: id syntax,
     * role, existence, authorisation, suspension, legal move, then the step's own rules.
     * Nothing is written unless every check passes; then the request, its indexes and one
     * event are.
     */
    ExchangeRequest transition(RequestAction action, String requestId, UnaryOperator<ExchangeRequest> step) {
        ExchangeRequest before = read(requestId);
        Authorization.requireMayAct(caller, action, before);
        Authorization.requireNotFrozen(action, before, suspensions()::isSuspended);
        Lifecycle.requireMove(action, before.status());
        ExchangeRequest after = step.apply(before);
        requests().update(before, after);
        emit(action.eventFor(after), RequestEvent.of(after));
        return after;
    }

    /** Fabric keeps one event per transaction (the last set), so each transaction emits once. */
    void emit(String name, Object payload) {
        stub.setEvent(name, LedgerJson.bytes(payload));
    }

    ChaincodeStub stub() {
        return stub;
    }
}
