package org.gbx.client.evidence;

/** One check's outcome; {@code detail} says what was found, in words for the verdict. */
public record CheckResult(EvidenceCheck check, boolean passed, String detail) {

    static CheckResult pass(EvidenceCheck check, String detail) {
        return new CheckResult(check, true, detail);
    }

    static CheckResult fail(EvidenceCheck check, String detail) {
        return new CheckResult(check, false, detail);
    }

    static CheckResult of(EvidenceCheck check, boolean passed, String ifPassed, String ifFailed) {
        return new CheckResult(check, passed, passed ? ifPassed : ifFailed);
    }
}
