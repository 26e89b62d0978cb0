package org.gbx.client.audit.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Requests the holding force left unanswered past the answer deadline (8 h urgent, 7 days normal). */
public final class UnansweredRequestRule implements AuditRule {

    @Override
    public String id() {
        return "unanswered-past-deadline";
    }

    @Override
    public String description() {
        return "Requests still pending after their answer deadline, and answers given late.";
    }

    @Override
    public List<Finding> check(AuditScope scope) {
        List<Finding> findings = new ArrayList<>();
        for (AuditedRequest request : scope.requests()) {
            if (request.status().equals("PENDING") && scope.asOf().isAfter(request.answerDueAt())) {
                findings.add(new Finding(id(), Severity.BREACH, request.requestId(), request.targetOrg(),
                        request.answerDueAt(), "Unanswered " + Durations.words(
                                Duration.between(request.answerDueAt(), scope.asOf())) + " past its answer deadline.",
                        "unanswered", List.of(Finding.Argument.duration(Duration.between(request.answerDueAt(),
                                scope.asOf())))));
            }
            request.answeredAt().filter(at -> at.isAfter(request.answerDueAt())).ifPresent(at ->
                    findings.add(new Finding(id(), Severity.NOTICE, request.requestId(), request.targetOrg(), at,
                            "Answered " + Durations.words(Duration.between(request.answerDueAt(), at))
                                    + " after its answer deadline.", "answeredLate",
                            List.of(Finding.Argument.duration(Duration.between(request.answerDueAt(), at))))));
        }
        return findings;
    }
}
