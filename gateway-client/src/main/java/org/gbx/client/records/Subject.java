package org.gbx.client.records;

import java.util.Objects;

/** A person a request asks about, named by an identity document (never sent to the ledger). */
public record Subject(IdType idType, String idNumber) {

    public Subject {
        Objects.requireNonNull(idType, "idType");
        Objects.requireNonNull(idNumber, "idNumber");
    }

    /** Not the number itself: toString may reach a log. */
    @Override
    public String toString() {
        return "Subject[" + idType + "]";
    }
}
