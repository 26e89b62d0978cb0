package org.gbx.client.model;

import java.util.Arrays;
import java.util.Optional;

/** The {@code gbx.role} an enrolment certificate carries (docs/ledger.md, Conventions). */
public enum Role {
    LIAISON("liaison"), APPROVER("approver"), AUDITOR("auditor"), ADMIN("admin");

    private final String attribute;

    Role(String attribute) {
        this.attribute = attribute;
    }

    /** The value of the certificate attribute, as the chaincode reports it. */
    public String attribute() {
        return attribute;
    }

    public static Optional<Role> ofAttribute(String value) {
        return Arrays.stream(values()).filter(role -> role.attribute.equals(value)).findFirst();
    }
}
