package org.gbx.client.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.records.IdType;
import org.gbx.client.records.Subject;

/**
 * Reads the subjects out of a request's private case details. The details are opaque to the
 * ledger; the exchange nodes agree on this JSON (docs/exchange.md):
 * {@code {"subjects":[{"idType":"MAINLAND_RIC","idNumber":"…"}], …}}; a subject may instead give
 * {@code "macauId"} or {@code "mainlandId"}. Other members are ignored.
 */
final class CaseSubjects {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseSubjects() {
    }

    static List<Subject> of(CaseDetails details) {
        try {
            JsonNode subjects = JSON.readTree(details.bytes()).path("subjects");
            List<Subject> result = new ArrayList<>();
            for (JsonNode subject : subjects) {
                if (subject.has("macauId")) {
                    result.add(new Subject(IdType.MACAU_BIR, subject.get("macauId").asText()));
                } else if (subject.has("mainlandId")) {
                    result.add(new Subject(IdType.MAINLAND_RIC, subject.get("mainlandId").asText()));
                } else {
                    result.add(new Subject(IdType.valueOf(subject.required("idType").asText()),
                            subject.required("idNumber").asText()));
                }
            }
            return result;
        } catch (IOException | IllegalArgumentException e) {
            // The message of a parse error may quote the details: never pass it on.
            throw new IllegalArgumentException("the case details do not list subjects as docs/exchange.md describes");
        }
    }
}
