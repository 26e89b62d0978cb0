package org.gbx.chaincode.ledger;

import java.util.List;
import java.util.Optional;
import org.gbx.chaincode.model.Suspension;
import org.gbx.chaincode.rules.Authorization;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The committee's suspensions of forces, one record per registered force. The record is created
 * when the committee registers the force (a new key, so under the chaincode-level policy: two
 * forces' peers) and carries a policy of the committee's peers alone; every later suspension and
 * unsuspension changes that record, so the committee decides it without any force's peer.
 */
public final class Suspensions {
    private final ChaincodeStub stub;

    public Suspensions(ChaincodeStub stub) {
        this.stub = stub;
    }

    public Optional<Suspension> find(String mspId) {
        byte[] value = stub.getState(LedgerKeys.suspension(mspId));
        return value == null || value.length == 0 ? Optional.empty() : Optional.of(LedgerJson.read(value, Suspension.class));
    }

    /** A force the committee registered; the committee oversees only those, and only they exchange. */
    public boolean isRegistered(String mspId) {
        return find(mspId).isPresent();
    }

    /** The force's state; an unregistered organisation reads as never suspended. */
    public Suspension of(String mspId) {
        return find(mspId).orElse(Suspension.never(mspId));
    }

    public boolean isSuspended(String mspId) {
        return of(mspId).suspended();
    }

    public void register(Suspension notSuspended) {
        String key = LedgerKeys.suspension(notSuspended.org());
        stub.putState(key, LedgerJson.bytes(notSuspended));
        stub.setStateValidationParameter(key, KeyPolicies.allOf(List.of(Authorization.COMMITTEE)));
    }

    /** A change of a registered force's record; its key keeps the committee's policy. */
    public void record(Suspension suspension) {
        stub.putState(LedgerKeys.suspension(suspension.org()), LedgerJson.bytes(suspension));
    }
}
