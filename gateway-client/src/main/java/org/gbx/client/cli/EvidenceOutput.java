package org.gbx.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gbx.client.audit.chain.ProblemKind;
import org.gbx.client.evidence.CheckResult;
import org.gbx.client.evidence.Finding;
import org.gbx.client.evidence.EvidenceVerdict;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Endorsement;

/** How evidence results are shown: a plain-language verdict for a court clerk, or JSON. */
final class EvidenceOutput {
    private EvidenceOutput() {
    }

    static void endorsement(CliSession session, String doneKey, Submitted<Endorsement> submitted, String recordId) {
        if (session.output().isJson()) {
            session.output().submitted("endorsement", submitted.value(), submitted.receipt());
            return;
        }
        session.output().line(session.messages().get(doneKey, recordId, submitted.value().requestId(),
                submitted.receipt().transactionId()));
    }

    static void verdict(CliSession session, EvidenceVerdict verdict) {
        Output output = session.output();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("verified", verdict.verified());
            json.put("verdict", verdict);
            output.json(json);
            return;
        }
        var messages = session.messages();
        output.line(verdict.verified() ? messages.get("evidence.verified")
                : messages.get("evidence.notVerified", verdict.failures().size()));
        if (verdict.requestId() != null) {
            // Offline: no connection config, so names come from the message bundle alone.
            java.util.function.Function<String, String> names = mspId -> mspId == null ? "-"
                    : messages.find("org." + mspId).map(name -> name + " (" + mspId + ")").orElse(mspId);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(messages.get("evidence.field.record"), verdict.recordId());
            fields.put(messages.get("evidence.field.request"), verdict.requestId());
            fields.put(messages.get("evidence.field.owner"), names.apply(verdict.ownerOrg()));
            fields.put(messages.get("evidence.field.requester"), names.apply(verdict.requesterOrg()));
            fields.put(messages.get("evidence.field.signer"), verdict.signer());
            fields.put(messages.get("evidence.field.signedAt"), time(session, verdict.signedAt()));
            fields.put(messages.get("evidence.field.delivery"), messages.get("evidence.value.transaction",
                    verdict.deliveryTxId(), String.valueOf(verdict.deliveryBlock())));
            fields.put(messages.get("evidence.field.endorsement"), messages.get("evidence.value.transaction",
                    verdict.endorsementTxId(), String.valueOf(verdict.endorsementBlock())));
            fields.put(messages.get("evidence.field.endorsedAt"), time(session, verdict.endorsedAt()));
            output.fields(fields);
        }
        output.line(messages.get("evidence.checks"));
        for (CheckResult result : verdict.checks()) {
            String found = result.findings().stream().map(finding -> finding(session, finding))
                    .collect(java.util.stream.Collectors.joining(messages.get("list.separatorLong")));
            output.line(messages.get(result.passed() ? "evidence.pass" : "evidence.fail",
                    messages.vocabulary().of(result.check()), found));
        }
    }

    /** A finding in the reader's words: times in the display zone, organisations and problems by name. */
    private static String finding(CliSession session, Finding finding) {
        var messages = session.messages();
        Object[] shown = finding.values().stream().map(value -> shown(session, value)).toArray();
        return messages.vocabulary().with(finding.form(), shown);
    }

    private static String shown(CliSession session, String value) {
        var messages = session.messages();
        if (value.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
            return session.time().format(value);
        }
        return messages.find("org." + value)
                .or(() -> ProblemKind.named(value).map(kind -> messages.vocabulary().of(kind)))
                .or(() -> org.gbx.client.model.Role.ofAttribute(value).map(role -> messages.vocabulary().of(role)))
                .orElse(value);
    }

    private static String time(CliSession session, java.time.Instant instant) {
        return instant == null ? "-" : session.time().format(instant);
    }
}
