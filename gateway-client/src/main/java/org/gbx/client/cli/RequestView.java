package org.gbx.client.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Grant;

/** How requests look to an officer: localised labels and statuses, organisation names, local times. */
final class RequestView {

    private final Messages messages;
    private final OrganisationNames organisations;
    private final TimeDisplay time;

    RequestView(CliSession session) {
        this.messages = session.messages();
        this.organisations = session.organisations();
        this.time = session.time();
    }

    List<String> listHeadings() {
        return List.of(messages.get("field.requestId"), messages.get("field.status"),
                messages.get("field.requester"), messages.get("field.target"), messages.get("field.categories"),
                messages.get("field.urgency"), messages.get("field.updatedAt"));
    }

    List<String> listRow(ExchangeRequest request) {
        return List.of(request.requestId(), status(request), organisations.displayName(request.requesterOrg()),
                organisations.displayName(request.targetOrg()), categories(request.categories()),
                String.valueOf(request.urgency()), time.format(request.updatedAt()));
    }

    Map<String, String> fields(ExchangeRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(messages.get("field.requestId"), request.requestId());
        fields.put(messages.get("field.status"), status(request));
        fields.put(messages.get("field.requester"), organisations.displayName(request.requesterOrg()));
        fields.put(messages.get("field.target"), organisations.displayName(request.targetOrg()));
        fields.put(messages.get("field.purpose"), request.purpose());
        fields.put(messages.get("field.legalBasis"), request.legalBasis());
        fields.put(messages.get("field.handling"), request.handlingCode()
                + (request.handlingConditions() == null ? "" : " — " + request.handlingConditions()));
        fields.put(messages.get("field.categories"), categories(request.categories()));
        fields.put(messages.get("field.urgency"), String.valueOf(request.urgency()));
        fields.put(messages.get("field.createdAt"), time.format(request.createdAt()));
        fields.put(messages.get("field.answerDueAt"), time.format(request.answerDueAt()));
        Grant grant = request.grant();
        if (grant != null) {
            fields.put(messages.get("field.granted"), categories(grant.categories()));
            fields.put(messages.get("field.expiresAt"), time.format(grant.expiresAt()));
            fields.put(messages.get("field.destroyBy"), time.format(grant.destroyBy()));
            fields.put(messages.get("field.accesses"), request.accessCount() + " / " + grant.maxAccesses());
        }
        if (request.rejection() != null) {
            fields.put(messages.get("field.rejection"), request.rejection().reason());
        }
        if (request.revocation() != null) {
            fields.put(messages.get("field.revocation"), request.revocation().reason());
        }
        if (request.delivery() != null) {
            fields.put(messages.get("field.delivered"), time.format(request.delivery().deliveredAt())
                    + "  " + request.delivery().packageHash());
        }
        if (request.receipt() != null) {
            fields.put(messages.get("field.received"), time.format(request.receipt().receivedAt()) + "  "
                    + messages.get(request.receipt().matches() ? "value.hashMatches" : "value.hashMismatch"));
        }
        if (request.destruction() != null) {
            fields.put(messages.get("field.destroyed"), time.format(request.destruction().destroyedAt()) + "  "
                    + request.destruction().method()
                    + (request.destruction().late() ? "  " + messages.get("value.late") : ""));
        }
        fields.put(messages.get("field.updatedAt"), time.format(request.updatedAt()));
        return fields;
    }

    String status(ExchangeRequest request) {
        return messages.get("status." + request.status());
    }

    private static String categories(List<DataCategory> categories) {
        return categories == null ? "" : categories.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
