package org.gbx.chaincode.ledger;

import java.util.Optional;
import org.gbx.chaincode.ErrorCode;
import org.gbx.chaincode.model.Endorsement;
import org.gbx.chaincode.model.ExchangeRequest;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** Evidence endorsements in public state; like requests, only both forces together change one. */
public final class Endorsements {
    private final ChaincodeStub stub;

    public Endorsements(ChaincodeStub stub) {
        this.stub = stub;
    }

    public Optional<Endorsement> find(String requestId, String leafHash) {
        byte[] value = stub.getState(LedgerKeys.endorsement(requestId, leafHash));
        return value == null || value.length == 0
                ? Optional.empty()
                : Optional.of(LedgerJson.read(value, Endorsement.class));
    }

    public Endorsement load(String requestId, String leafHash) {
        return find(requestId, leafHash)
                .orElseThrow(() -> ErrorCode.NOT_FOUND.refuse("no endorsement was asked for this record"));
    }

    /**
     * A new ask, under the policy of the request's two forces. The request record is not changed,
     * so the transaction is tied to its policy too (a new key alone needs only the chaincode-level
     * policy).
     */
    public void ask(RequestLedger requests, ExchangeRequest request, Endorsement asked) {
        String key = LedgerKeys.endorsement(asked.requestId(), asked.leafHash());
        stub.putState(key, LedgerJson.bytes(asked));
        stub.setStateValidationParameter(key, KeyPolicies.allOf(request.forces()));
        requests.requireForcesToEndorse(request);
    }

    /** The ask, endorsed: its key keeps the policy it was created with. */
    public void endorse(Endorsement endorsed) {
        stub.putState(LedgerKeys.endorsement(endorsed.requestId(), endorsed.leafHash()), LedgerJson.bytes(endorsed));
    }
}
