package org.gbx.client.ledger;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.client.ChaincodeEvent;

/**
 * A chaincode event as the client shows it. Events carry no personal data (docs/ledger.md), so
 * the payload can be printed as it is.
 */
public record LedgerEvent(long blockNumber, String transactionId, String name, String payload) {

    static LedgerEvent of(ChaincodeEvent event) {
        return new LedgerEvent(event.getBlockNumber(), event.getTransactionId(), event.getEventName(),
                new String(event.getPayload(), StandardCharsets.UTF_8));
    }
}
