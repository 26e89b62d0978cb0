package org.gbx.client.audit.rules;

import java.util.Comparator;
import java.util.List;

/** The committee's rule checks, run together; findings sorted by severity, then time. */
public final class AuditRules {

    private static final List<AuditRule> ALL = List.of(new UnansweredRequestRule(), new GrantExpiryRule(),
            new AccessCapRule(), new DestructionOverdueRule(), new DeliveryOutsideGrantRule(),
            new ReceiptMismatchRule(), new OfficerVolumeRule(), new TimestampOrderRule());

    private AuditRules() {
    }

    public static List<AuditRule> all() {
        return ALL;
    }

    public static List<Finding> check(AuditScope scope) {
        return ALL.stream().flatMap(rule -> rule.check(scope).stream())
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::at)
                        .thenComparing(Finding::subject))
                .toList();
    }
}
