package org.gbx.client.audit.rules;

/** How much a finding weighs for the committee. */
public enum Severity {
    /** A rule of the exchange was broken. */
    BREACH,
    /** Something that needs action soon, or that the chaincode should not have allowed. */
    WARNING,
    /** Worth a look; nothing was broken yet. */
    NOTICE
}
