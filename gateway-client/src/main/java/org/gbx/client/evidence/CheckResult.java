package org.gbx.client.evidence;

import java.util.List;

/** One check's outcome and what it found (one finding, or one per problem in a block). */
public record CheckResult(EvidenceCheck check, boolean passed, List<Finding> findings) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    static CheckResult pass(EvidenceCheck check, Finding finding) {
        return new CheckResult(check, true, List.of(finding));
    }

    static CheckResult fail(EvidenceCheck check, Finding finding) {
        return new CheckResult(check, false, List.of(finding));
    }

    static CheckResult of(EvidenceCheck check, boolean passed, Finding ifPassed, Finding ifFailed) {
        return new CheckResult(check, passed, List.of(passed ? ifPassed : ifFailed));
    }
}
