package org.gbx.client.audit.rules;

import java.util.List;

/** One of the committee's checks over the rebuilt requests. */
public interface AuditRule {

    /** Stable id used in CSV/JSON output and docs/oversight.md, e.g. {@code destruction-overdue}. */
    String id();

    /** What the rule checks, in one sentence for the report. */
    String description();

    List<Finding> check(AuditScope scope);
}
