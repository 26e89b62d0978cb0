package org.gbx.client.evidence;

import java.time.Instant;
import java.util.List;

/**
 * What the verification of a bundle found: who endorsed which record, when, under which request,
 * and every check with its outcome. Verified only if every check passed.
 *
 * @param signer the signer certificate's subject (an officer's enrolment name), empty if unreadable
 */
public record EvidenceVerdict(String requestId, String ownerOrg, String requesterOrg, String recordId,
        String signer, Instant signedAt, String deliveryTxId, Long deliveryBlock, String endorsementTxId,
        Long endorsementBlock, Instant endorsedAt, List<CheckResult> checks) {

    public EvidenceVerdict {
        // The order a clerk reads them in, whatever order they ran in.
        checks = checks.stream().sorted(java.util.Comparator.comparing(CheckResult::check)).toList();
    }

    public boolean verified() {
        return !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed)
                && checks.size() == EvidenceCheck.values().length;
    }

    public List<CheckResult> failures() {
        return checks.stream().filter(result -> !result.passed()).toList();
    }

    public boolean failed(EvidenceCheck check) {
        return checks.stream().anyMatch(result -> result.check() == check && !result.passed());
    }
}
