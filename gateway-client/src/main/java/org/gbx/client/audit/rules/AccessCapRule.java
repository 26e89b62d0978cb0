package org.gbx.client.audit.rules;

import java.util.ArrayList;
import java.util.List;

/** Accesses recorded against a grant compared with the grant's cap; accesses without any grant. */
public final class AccessCapRule implements AuditRule {

    @Override
    public String id() {
        return "access-cap";
    }

    @Override
    public String description() {
        return "Accesses per grant against the grant's maximum.";
    }

    @Override
    public List<Finding> check(AuditScope scope) {
        List<Finding> findings = new ArrayList<>();
        for (AuditedRequest request : scope.requests()) {
            int count = request.accesses().size();
            if (count == 0) {
                continue;
            }
            if (request.grant().isEmpty()) {
                findings.add(new Finding(id(), Severity.BREACH, request.requestId(), request.requesterOrg(),
                        request.accesses().get(0).at(), count + " access(es) recorded without any grant.",
                        "withoutGrant", List.of(Finding.Argument.count(count))));
                continue;
            }
            int cap = request.grant().get().maxAccesses();
            if (count > cap) {
                findings.add(new Finding(id(), Severity.BREACH, request.requestId(), request.requesterOrg(),
                        request.accesses().get(cap).at(), count + " accesses recorded; the grant allows " + cap + ".",
                        "overCap", List.of(Finding.Argument.count(count), Finding.Argument.count(cap))));
            } else if (count == cap) {
                findings.add(new Finding(id(), Severity.NOTICE, request.requestId(), request.requesterOrg(),
                        request.accesses().get(count - 1).at(), "All " + cap + " allowed accesses are used.",
                        "capReached", List.of(Finding.Argument.count(cap))));
            }
        }
        return findings;
    }
}
