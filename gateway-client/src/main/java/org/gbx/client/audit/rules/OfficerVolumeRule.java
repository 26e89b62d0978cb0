package org.gbx.client.audit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Officers whose volume of one kind of action is far above that of the other officers doing the
 * same kind (the same role): at least {@value #MINIMUM} actions and more than {@value #FACTOR}
 * times the median of the others. Needs at least two others to compare with. Officers are
 * named by their ledger hash only.
 */
public final class OfficerVolumeRule implements AuditRule {

    static final int MINIMUM = 5;
    static final int FACTOR = 3;

    /** One kind of action an officer takes, and who took it on a request. */
    private record Activity(String name, String kind, String role, Function<AuditedRequest, List<Actor>> actors) {
    }

    private record Actor(String officer, String organisation) {
    }

    private static final List<Activity> ACTIVITIES = List.of(
            new Activity("requests created", "requestsCreated", "liaison", r -> List.of(new Actor(r.requestingOfficer(), r.requesterOrg()))),
            new Activity("accesses recorded", "accessesRecorded", "liaison", r -> r.accesses().stream()
                    .map(a -> new Actor(a.officer(), r.requesterOrg())).toList()),
            new Activity("grants approved", "grantsApproved", "approver", r -> r.grant()
                    .map(g -> List.of(new Actor(g.approvedBy(), r.targetOrg()))).orElse(List.of())));

    @Override
    public String id() {
        return "officer-volume";
    }

    @Override
    public String description() {
        return "Officers whose volume is far above others of the same role.";
    }

    @Override
    public List<Finding> check(AuditScope scope) {
        List<Finding> findings = new ArrayList<>();
        for (Activity activity : ACTIVITIES) {
            Map<Actor, Integer> counts = new TreeMap<>((a, b) -> a.officer().compareTo(b.officer()));
            scope.requests().forEach(r -> activity.actors().apply(r).forEach(actor -> counts.merge(actor, 1, Integer::sum)));
            counts.forEach((actor, count) -> {
                List<Integer> others = counts.entrySet().stream().filter(e -> !e.getKey().equals(actor))
                        .map(Map.Entry::getValue).sorted().toList();
                if (others.size() < 2 || count < MINIMUM) {
                    return;
                }
                double median = median(others);
                if (count > FACTOR * Math.max(median, 1)) {
                    findings.add(new Finding(id(), Severity.NOTICE, actor.officer(), actor.organisation(), scope.asOf(),
                            "Officer (" + activity.role() + ") with " + count + " " + activity.name()
                                    + "; the median of the other " + others.size() + " is " + format(median) + ".", activity.kind(),
                            List.of(Finding.Argument.count(count), Finding.Argument.count(others.size()),
                                    Finding.Argument.text(format(median)))));
                }
            });
        }
        return findings;
    }

    private static double median(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
