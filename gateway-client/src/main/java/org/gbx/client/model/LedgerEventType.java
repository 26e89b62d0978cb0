package org.gbx.client.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every chaincode event the contract emits (docs/ledger.md, Events), by the name the chaincode
 * gives it. An event name this client does not know (a newer chaincode) reads as empty, never as
 * an error, so a watch or a node keeps running.
 */
public enum LedgerEventType {
    RequestCreated(Subject.REQUEST),
    RequestApproved(Subject.REQUEST),
    RequestRejected(Subject.REQUEST),
    GrantRevoked(Subject.REQUEST),
    NoMatchRecorded(Subject.REQUEST),
    DeliveryRecorded(Subject.REQUEST),
    ReceiptRecorded(Subject.REQUEST),
    ReceiptMismatch(Subject.REQUEST),
    AccessRecorded(Subject.REQUEST),
    GrantExpired(Subject.REQUEST),
    DestructionRecorded(Subject.REQUEST),
    EndorsementRequested(Subject.ENDORSEMENT),
    RecordEndorsed(Subject.ENDORSEMENT),
    OrgSuspended(Subject.SUSPENSION),
    OrgUnsuspended(Subject.SUSPENSION),
    ForceRegistered(Subject.SUSPENSION),
    LookupKeyPublished(Subject.LOOKUP_KEY),
    LookupRecorded(Subject.LOOKUP),
    Ping(Subject.PING);

    /** What the event's payload is (docs/ledger.md): it decides how the event reads. */
    public enum Subject { REQUEST, ENDORSEMENT, SUSPENSION, LOOKUP_KEY, LOOKUP, PING }

    private final Subject subject;

    LedgerEventType(Subject subject) {
        this.subject = subject;
    }

    public Subject subject() {
        return subject;
    }

    public static Optional<LedgerEventType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
