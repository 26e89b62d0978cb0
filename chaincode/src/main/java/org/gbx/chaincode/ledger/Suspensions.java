package org.gbx.chaincode.ledger;

import java.util.List;
import org.gbx.chaincode.model.Suspension;
import org.gbx.chaincode.rules.Authorization;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** The committee's suspensions of forces; only the committee's peers can endorse a change. */
public final class Suspensions {
    private final ChaincodeStub stub;

    public Suspensions(ChaincodeStub stub) {
        this.stub = stub;
    }

    public Suspension of(String mspId) {
        byte[] value = stub.getState(LedgerKeys.suspension(mspId));
        return value == null || value.length == 0 ? Suspension.never(mspId) : LedgerJson.read(value, Suspension.class);
    }

    public boolean isSuspended(String mspId) {
        return of(mspId).suspended();
    }

    public void record(Suspension suspension) {
        String key = LedgerKeys.suspension(suspension.org());
        stub.putState(key, LedgerJson.bytes(suspension));
        stub.setStateValidationParameter(key, KeyPolicies.allOf(List.of(Authorization.COMMITTEE)));
    }
}
