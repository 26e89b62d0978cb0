package org.gbx.client.usecase;

import java.util.List;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.AccessRecord;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.nodeapi.HeldPackage;
import org.gbx.client.nodeapi.NodeApiClient;
import org.gbx.client.nodeapi.NodeApiException;
import org.gbx.client.nodeapi.ReceivedRecord;

/**
 * A liaison officer of the requesting force uses received data: every use is on the ledger before
 * the data is shown. Everything that can be checked is checked before the access is submitted, so
 * an access is never spent for nothing: the justification, the ledger's own verdict on the access
 * (a dry run on the force's peer: grant live, accesses left, not revoked, destroyed or suspended),
 * and that the force's node holds the verified package the ledger's delivery names.
 */
public final class ReceivedDataAccess {

    /** The ledger's limit on a justification (docs/ledger.md). */
    public static final int MAX_JUSTIFICATION = 500;

    /** The access recorded on the ledger and the records shown for it. */
    public record Outcome(Submitted<AccessRecord> access, List<ReceivedRecord> records) {
    }

    /** The access is on the ledger, but the node did not hand over the records (the node's message says why). */
    public static final class RecordsNotShownException extends RuntimeException {
        private final transient Submitted<AccessRecord> access;

        RecordsNotShownException(Submitted<AccessRecord> access, NodeApiException cause) {
            super(cause.getMessage(), cause);
            this.access = access;
        }

        public Submitted<AccessRecord> access() {
            return access;
        }
    }

    private final ExchangeLedger ledger;
    private final NodeApiClient node;

    public ReceivedDataAccess(ExchangeLedger ledger, NodeApiClient node) {
        this.ledger = ledger;
        this.node = node;
    }

    /**
     * @throws NotReadyException before anything is written, when the justification or the node's data is not right
     * @throws org.gbx.client.ledger.ChaincodeRefusalException when the ledger refuses the access (nothing written)
     * @throws RecordsNotShownException when the access was recorded but the records could not be shown
     */
    public Outcome access(String requestId, String justification) {
        check(requestId, justification);
        Submitted<AccessRecord> access = ledger.recordAccess(requestId, justification);
        try {
            return new Outcome(access, node.recordsForAccess(requestId, access.value().sequence(),
                    access.receipt().transactionId()));
        } catch (NodeApiException e) {
            throw new RecordsNotShownException(access, e);
        }
    }

    /** Everything {@link #access} checks before it submits; writes nothing. */
    public void check(String requestId, String justification) {
        if (justification == null || justification.isBlank()) {
            throw new NotReadyException(NotReadyException.Reason.JUSTIFICATION_MISSING);
        }
        if (justification.length() > MAX_JUSTIFICATION) {
            throw new NotReadyException(NotReadyException.Reason.JUSTIFICATION_TOO_LONG, justification.length(),
                    MAX_JUSTIFICATION);
        }
        ledger.tryRecordAccess(requestId, justification);
        HeldPackage held;
        try {
            held = node.heldPackage(requestId);
        } catch (NodeApiException e) {
            throw switch (e.reason()) {
                case UNREACHABLE -> new NotReadyException(NotReadyException.Reason.NODE_UNREACHABLE, node.endpoint(),
                        e.getMessage());
                case NOT_HELD -> new NotReadyException(NotReadyException.Reason.NO_PACKAGE, requestId);
                default -> e;
            };
        }
        ExchangeRequest request = ledger.getRequest(requestId);
        if (request.delivery() == null || !request.delivery().packageHash().equals(held.packageHash())) {
            throw new NotReadyException(NotReadyException.Reason.PACKAGE_NOT_CURRENT, requestId);
        }
    }
}
