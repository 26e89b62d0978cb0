package org.gbx.client.audit.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Receipts whose hash differs from the delivered package's hash. A mismatch the ledger recorded
 * as such is a warning (the package was damaged or swapped on the way); one recorded as matching
 * is a breach (the ledger's own record is inconsistent).
 */
public final class ReceiptMismatchRule implements AuditRule {

    @Override
    public String id() {
        return "receipt-hash-mismatch";
    }

    @Override
    public String description() {
        return "Receipts whose computed hash differs from the delivered package hash.";
    }

    @Override
    public List<Finding> check(AuditScope scope) {
        List<Finding> findings = new ArrayList<>();
        for (AuditedRequest request : scope.requests()) {
            for (AuditedRequest.Receipt receipt : request.receipts()) {
                if (receipt.computedHash().equals(receipt.deliveredHash())) {
                    continue;
                }
                findings.add(receipt.recordedAsMatching()
                        ? new Finding(id(), Severity.BREACH, request.requestId(), request.requesterOrg(), receipt.at(),
                                "The receipt is recorded as matching although its hash differs from the package hash.",
                                "recordedAsMatching", List.of())
                        : new Finding(id(), Severity.WARNING, request.requestId(), request.requesterOrg(),
                                receipt.at(), "The recipient computed another hash than the delivered package's.", "mismatch",
                                List.of()));
            }
        }
        return findings;
    }
}
