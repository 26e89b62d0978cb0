package org.gbx.client.audit.chain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A transaction as the block holds it, decoded: where it is, who created and endorsed it, the
 * chaincode function it called, whether the peers judged it valid, and the public state it wrote.
 * Arguments are not kept: the history is rebuilt from the writes alone.
 *
 * @param validationCode Fabric's {@code TxValidationCode} name, {@code VALID} for a valid transaction
 */
public record LedgerTransaction(long block, int index, String transactionId, Instant timestamp,
        String creatorMspId, String chaincode, String function, String validationCode,
        Set<String> endorserMspIds, List<LedgerWrite> writes) {

    public LedgerTransaction {
        endorserMspIds = Set.copyOf(endorserMspIds);
        writes = List.copyOf(writes);
    }

    public boolean valid() {
        return "VALID".equals(validationCode);
    }
}
