package org.gbx.chaincode.ledger;

import static org.gbx.chaincode.ErrorCode.DETAILS_NOT_SEALED;
import static org.gbx.chaincode.ErrorCode.DETAILS_UNAVAILABLE;
import static org.gbx.chaincode.ErrorCode.FIELD_TOO_LONG;
import static org.gbx.chaincode.ErrorCode.MISSING_DETAILS;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gbx.chaincode.identity.Hashes;
import org.gbx.chaincode.model.ExchangeRequest;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The private case details of a request (subject identifiers, narrative). They arrive only
 * in transient data and are kept in each force's implicit collection: readable by exactly
 * the two forces, hash-checkable by anyone, and it scales to any number of forces without
 * a collection per pair.
 *
 * <p>They arrive sealed: AES-256-GCM ciphertext under a key only the two forces' exchange nodes
 * keep (docs/ledger.md, "Destruction"). Anything else is refused before it is written, so no
 * peer ever stores plain details, whatever client sent them.
 */
public final class CaseDetails {
    public static final String TRANSIENT_KEY = "details";
    public static final int MAX_BYTES = 64 * 1024;
    /** The sealed envelope, exactly as gbx writes it: members sorted, a 12-byte nonce, a 64-hex key commitment. */
    private static final Pattern SEALED = Pattern.compile("\\{\"ciphertext\":\"([A-Za-z0-9+/]+={0,2})\","
            + "\"format\":\"gbx-sealed-details/1\",\"keyCommitment\":\"[0-9a-f]{64}\",\"nonce\":\"([A-Za-z0-9+/]{16})\"}");
    /** A GCM tag and at least one byte. */
    private static final int MIN_CIPHERTEXT_BYTES = 17;

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
        if (!sealed(details)) {
            throw DETAILS_NOT_SEALED.refuse("the case details must be sealed (gbx-sealed-details/1), never plain");
        }
        return details;
    }

    static boolean sealed(byte[] details) {
        Matcher envelope = SEALED.matcher(new String(details, StandardCharsets.UTF_8));
        if (!envelope.matches()) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(envelope.group(1)).length >= MIN_CIPHERTEXT_BYTES
                    && Base64.getDecoder().decode(envelope.group(2)).length == 12;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
