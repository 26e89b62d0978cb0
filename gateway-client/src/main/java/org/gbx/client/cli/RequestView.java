package org.gbx.client.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.Grant;

/** How requests look to an officer: localised labels and values, organisation names, local times. */
final class RequestView {

    private final Messages messages;
    private final Vocabulary vocabulary;
    private final OrganisationNames organisations;
    private final TimeDisplay time;

    RequestView(CliSession session) {
        this.messages = session.messages();
        this.vocabulary = messages.vocabulary();
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
                organisations.displayName(request.targetOrg()), vocabulary.categories(request.categories()),
                vocabulary.of(request.urgency()), time.format(request.updatedAt()));
    }

    /** Every public field of the request, and what each step recorded, in the order it happened. */
    Map<String, String> fields(ExchangeRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(messages.get("field.requestId"), request.requestId());
        fields.put(messages.get("field.status"), status(request));
        fields.put(messages.get("field.requester"), organisations.displayName(request.requesterOrg()));
        fields.put(messages.get("field.target"), organisations.displayName(request.targetOrg()));
        fields.put(messages.get("field.purpose"), request.purpose());
        fields.put(messages.get("field.legalBasis"), request.legalBasis());
        fields.put(messages.get("field.handling"), vocabulary.handling(request.handlingCode()));
        if (request.handlingConditions() != null) {
            fields.put(messages.get("field.handlingConditions"), request.handlingConditions());
        }
        fields.put(messages.get("field.categories"), vocabulary.categories(request.categories()));
        fields.put(messages.get("field.urgency"), vocabulary.of(request.urgency()));
        fields.put(messages.get("field.retention"), messages.get("value.days", request.retentionDays()));
        fields.put(messages.get("field.createdAt"), time.format(request.createdAt()));
        fields.put(messages.get("field.answerDueAt"), time.format(request.answerDueAt()));
        Grant grant = request.grant();
        if (grant != null) {
            fields.put(messages.get("field.granted"), vocabulary.categories(grant.categories()));
            fields.put(messages.get("field.approvedAt"), time.format(grant.approvedAt()));
            fields.put(messages.get("field.conditions"),
                    grant.conditions() == null ? messages.get("value.none") : grant.conditions());
            fields.put(messages.get("field.expiresAt"), time.format(grant.expiresAt()));
            fields.put(messages.get("field.destroyBy"), time.format(grant.destroyBy()));
            fields.put(messages.get("field.accesses"), messages.get("value.accesses", request.accessCount(),
                    grant.maxAccesses()));
        }
        if (request.rejection() != null) {
            fields.put(messages.get("field.rejection"), time.format(request.rejection().at()) + "  "
                    + request.rejection().reason());
        }
        if (request.noMatch() != null) {
            fields.put(messages.get("field.noMatch"), messages.get("value.noMatch",
                    time.format(request.noMatch().at()), vocabulary.categories(request.noMatch().categories()),
                    organisations.displayName(request.targetOrg())));
        }
        if (request.delivery() != null) {
            fields.put(messages.get("field.delivered"), messages.get("value.delivery",
                    time.format(request.delivery().deliveredAt()), request.delivery().recordCount(),
                    vocabulary.categories(request.delivery().categories()), request.delivery().packageHash()));
        }
        if (request.receipt() != null) {
            fields.put(messages.get("field.received"), time.format(request.receipt().receivedAt()) + "  "
                    + messages.get(request.receipt().matches() ? "value.hashMatches" : "value.hashMismatch"));
        }
        if (request.revocation() != null) {
            fields.put(messages.get("field.revocation"), time.format(request.revocation().at()) + "  "
                    + request.revocation().reason());
        }
        if (request.destruction() != null) {
            fields.put(messages.get("field.destroyed"), time.format(request.destruction().destroyedAt()) + "  "
                    + vocabulary.of(request.destruction().method())
                    + (request.destruction().late() ? "  " + messages.get("value.late") : ""));
        }
        fields.put(messages.get("field.updatedAt"), time.format(request.updatedAt()));
        return fields;
    }

    String status(ExchangeRequest request) {
        return vocabulary.of(request.status());
    }
}
