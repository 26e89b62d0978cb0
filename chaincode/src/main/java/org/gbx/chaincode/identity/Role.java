package org.gbx.chaincode.identity;

import java.util.Arrays;
import java.util.Optional;

/** The {@code gbx.role} attribute of an enrolment certificate. */
public enum Role {
    LIAISON("liaison"),
    APPROVER("approver"),
    AUDITOR("auditor"),
    ADMIN("admin");

    /** Name of the Fabric CA attribute carrying the role. */
    public static final String ATTRIBUTE = "gbx.role";

    private final String attributeValue;

    Role(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    public String attributeValue() {
        return attributeValue;
    }

    public static Optional<Role> fromAttribute(String value) {
        return Arrays.stream(values()).filter(role -> role.attributeValue.equals(value)).findFirst();
    }
}
