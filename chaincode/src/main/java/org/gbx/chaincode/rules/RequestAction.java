package org.gbx.chaincode.rules;

import org.gbx.chaincode.model.ExchangeRequest;

/** The transactions that change a request, with the contract's name and the event each emits. */
public enum RequestAction {
    CREATE("CreateRequest", "RequestCreated"),
    APPROVE("ApproveRequest", "RequestApproved"),
    REJECT("RejectRequest", "RequestRejected"),
    REVOKE("RevokeGrant", "GrantRevoked"),
    DELIVER("RecordDelivery", "DeliveryRecorded"),
    RECEIVE("RecordReceipt", "ReceiptRecorded"),
    ACCESS("RecordAccess", "AccessRecorded"),
    EXPIRE("ExpireGrant", "GrantExpired"),
    DESTROY("RecordDestruction", "DestructionRecorded");

    /** Emitted instead of ReceiptRecorded, so a listener cannot miss a package that failed its hash. */
    public static final String RECEIPT_MISMATCH_EVENT = "ReceiptMismatch";

    private final String transaction;
    private final String event;

    RequestAction(String transaction, String event) {
        this.transaction = transaction;
        this.event = event;
    }

    public String transaction() {
        return transaction;
    }

    /** The event name for the request as this action left it. */
    public String eventFor(ExchangeRequest after) {
        return this == RECEIVE && !after.receipt().matches() ? RECEIPT_MISMATCH_EVENT : event;
    }
}
