package org.gbx.client.audit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Deliveries of categories the grant did not cover, without a grant, or after the grant expired. */
public final class DeliveryOutsideGrantRule implements AuditRule {

    @Override
    public String id() {
        return "delivery-outside-grant";
    }

    @Override
    public String description() {
        return "Delivered categories against the grant, and deliveries without or after a grant.";
    }

    @Override
    public List<Finding> check(AuditScope scope) {
        List<Finding> findings = new ArrayList<>();
        for (AuditedRequest request : scope.requests()) {
            for (AuditedRequest.Delivery delivery : request.deliveries()) {
                if (request.grant().isEmpty()) {
                    findings.add(breach(request, delivery, "Data was delivered without a grant.", "withoutGrant",
                            List.of()));
                    continue;
                }
                AuditedRequest.Grant grant = request.grant().get();
                Set<String> outside = new TreeSet<>(delivery.categories());
                outside.removeAll(grant.categories());
                if (!outside.isEmpty()) {
                    findings.add(breach(request, delivery, "Delivered categories not granted: "
                            + String.join(", ", outside) + ".", "categoriesNotGranted",
                            List.of(Finding.Argument.categories(outside))));
                }
                if (!delivery.at().isBefore(grant.expiresAt())) {
                    findings.add(breach(request, delivery, "Delivered after the grant expired.", "afterExpiry",
                            List.of()));
                }
            }
        }
        return findings;
    }

    private Finding breach(AuditedRequest request, AuditedRequest.Delivery delivery, String message, String kind,
            List<Finding.Argument> arguments) {
        return new Finding(id(), Severity.BREACH, request.requestId(), request.targetOrg(), delivery.at(), message,
                kind, arguments);
    }
}
