package org.gbx.chaincode.ledger;

import static org.gbx.chaincode.ErrorCode.DETAILS_UNAVAILABLE;
import static org.gbx.chaincode.ErrorCode.FIELD_TOO_LONG;
import static org.gbx.chaincode.ErrorCode.MISSING_DETAILS;

import org.gbx.chaincode.identity.Hashes;
import org.gbx.chaincode.model.ExchangeRequest;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The private case details of a request (subject identifiers, narrative). They arrive only
 * in transient data and are kept in each force's implicit collection: readable by exactly
 * the two forces, hash-checkable by anyone, and it scales to any number of forces without
 * a collection per pair.
 */
public final class CaseDetails {
    public static final String TRANSIENT_KEY = "details";
    public static final int MAX_BYTES = 64 * 1024;

    private final ChaincodeStub stub;

    public CaseDetails(ChaincodeStub stub) {
        this.stub = stub;
    }

    public byte[] fromTransient() {
        byte[] details = stub.getTransient().get(TRANSIENT_KEY);
        if (details == null || details.length == 0) {
            throw MISSING_DETAILS.refuse("the case details must come in transient key '" + TRANSIENT_KEY + "'");
        }
        if (details.length > MAX_BYTES) {
            throw FIELD_TOO_LONG.refuse("the case details are larger than " + MAX_BYTES + " bytes");
        }
        return details;
    }

    public void store(ExchangeRequest request, byte[] details) {
        for (String org : request.forces()) {
            stub.putPrivateData(LedgerKeys.implicitCollection(org), LedgerKeys.details(request.requestId()), details);
        }
    }

    /** The copy held by the caller's own organisation; other copies are not the caller's to read. */
    public byte[] ownCopy(String callerMspId, String requestId) {
        byte[] details = stub.getPrivateData(LedgerKeys.implicitCollection(callerMspId), LedgerKeys.details(requestId));
        if (details == null || details.length == 0) {
            throw DETAILS_UNAVAILABLE.refuse("this organisation holds no case details for the request");
        }
        return details;
    }

    /** Hex SHA-256 of one force's copy, readable by any organisation; null when absent or purged. */
    public String copyHash(String mspId, String requestId) {
        return Hashes.hex(stub.getPrivateDataHash(LedgerKeys.implicitCollection(mspId), LedgerKeys.details(requestId)));
    }

    /** Removes both copies and their history from the peers' private data stores. */
    public void purge(ExchangeRequest request) {
        for (String org : request.forces()) {
            stub.purgePrivateData(LedgerKeys.implicitCollection(org), LedgerKeys.details(request.requestId()));
        }
    }
}
