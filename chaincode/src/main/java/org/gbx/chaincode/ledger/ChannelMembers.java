package org.gbx.chaincode.ledger;

import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Whether an organisation is a member of the channel, asked of the peer itself: Fabric defines an
 * implicit collection for every organisation of the channel and refuses to read one that is not
 * defined, the same answer on every peer of the channel.
 */
public final class ChannelMembers {
    private static final String PROBE_KEY = "membership-probe";

    private ChannelMembers() {
    }

    public static boolean isMember(ChaincodeStub stub, String mspId) {
        try {
            stub.getPrivateDataHash(LedgerKeys.implicitCollection(mspId), PROBE_KEY);
            return true;
        } catch (ChaincodeException e) {
            throw e;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
