package org.gbx.client.usecase;

import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Objects;
import org.gbx.client.crypto.DetailsSealing;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.SubmitReceipt;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.NewRequest;
import org.gbx.client.nodeapi.NodeApiClient;
import org.gbx.client.nodeapi.NodeApiException;

/**
 * A liaison officer asks another force for data. The case details are sealed here, in the
 * officer's own process, under a fresh key; the key goes to the officer's own force's exchange
 * node <i>before</i> anything is submitted (so no committed request is ever without its key),
 * and only the sealed envelope goes to the ledger. If the ledger refuses, the node is told to
 * drop the key.
 */
public final class RequestCreation {

    /** What happened: a new request, or one created earlier with these very terms and details. */
    public record Outcome(ExchangeRequest request, SubmitReceipt receipt) {
        /** True when the request already existed (a repeated create); nothing was sent. */
        public boolean alreadyExisted() {
            return receipt == null;
        }
    }

    private final ExchangeLedger ledger;
    private final NodeApiClient node;

    public RequestCreation(ExchangeLedger ledger, NodeApiClient node) {
        this.ledger = ledger;
        this.node = node;
    }

    /**
     * @throws NotReadyException when the details cannot be sealed or the node does not answer (nothing written)
     */
    public Outcome create(String requestId, NewRequest terms, CaseDetails details, String ownMspId) {
        int size = details.bytes().length;
        if (size == 0 || size > DetailsSealing.MAX_PLAINTEXT_BYTES) {
            throw new NotReadyException(NotReadyException.Reason.DETAILS_SIZE, size, DetailsSealing.MAX_PLAINTEXT_BYTES);
        }
        ExchangeRequest earlier = existing(requestId);
        if (earlier != null && sameRequest(earlier, terms, details, ownMspId)) {
            return new Outcome(earlier, null);
        }
        DetailsSealing.Sealing sealing = DetailsSealing.seal(requestId, details);
        try {
            try {
                node.putDetailsKey(requestId, sealing.key());
            } catch (NodeApiException e) {
                if (e.reason() == NodeApiException.Reason.UNREACHABLE) {
                    throw new NotReadyException(NotReadyException.Reason.NODE_UNREACHABLE, node.endpoint(),
                            e.getMessage());
                }
                throw e;
            }
            try {
                Submitted<ExchangeRequest> created = ledger.createRequest(requestId, terms, sealing.sealed());
                return new Outcome(created.value(), created.receipt());
            } catch (ChaincodeRefusalException refused) {
                // the ledger wrote nothing: the key would open nothing
                node.dropDetailsKey(requestId, sealing.sealed().keyCommitment());
                throw refused;
            }
        } finally {
            sealing.key().destroy();
        }
    }

    private ExchangeRequest existing(String requestId) {
        try {
            return ledger.getRequest(requestId);
        } catch (ChaincodeRefusalException e) {
            if ("NOT_FOUND".equals(e.code())) {
                return null;
            }
            throw e;
        }
    }

    /** The same terms from the same force, and the node's key opens the same details. */
    private boolean sameRequest(ExchangeRequest earlier, NewRequest terms, CaseDetails details, String ownMspId) {
        boolean sameTerms = earlier.requesterOrg().equals(ownMspId) && earlier.targetOrg().equals(terms.targetOrg())
                && earlier.purpose().equals(terms.purpose()) && earlier.legalBasis().equals(terms.legalBasis())
                && earlier.handlingCode() == terms.handlingCode()
                && Objects.equals(blankToNull(earlier.handlingConditions()), blankToNull(terms.handlingConditions()))
                && EnumSet.copyOf(earlier.categories()).equals(EnumSet.copyOf(terms.categories()))
                && earlier.urgency() == terms.urgency() && earlier.retentionDays() == terms.retentionDays();
        if (!sameTerms) {
            return false;
        }
        try {
            CaseDetails stored = new CaseDetailsReading(ledger, node).read(earlier.requestId());
            return MessageDigest.isEqual(stored.bytes(), details.bytes());
        } catch (NodeApiException | ChaincodeRefusalException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
