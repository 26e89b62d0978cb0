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

    public void put(ExchangeRequest request, Endorsement endorsement) {
        String key = LedgerKeys.endorsement(endorsement.requestId(), endorsement.leafHash());
        stub.putState(key, LedgerJson.bytes(endorsement));
        stub.setStateValidationParameter(key, KeyPolicies.allOf(request.forces()));
    }
}
