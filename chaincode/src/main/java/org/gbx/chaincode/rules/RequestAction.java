package org.gbx.chaincode.rules;

import java.util.List;
import org.gbx.chaincode.model.ExchangeRequest;

/** The transactions that change a request, with the contract's name and the event each emits. */
public enum RequestAction {
    CREATE("CreateRequest", "RequestCreated"),
    APPROVE("ApproveRequest", "RequestApproved"),
    REJECT("RejectRequest", "RequestRejected"),
    REVOKE("RevokeGrant", "GrantRevoked"),
    DELIVER("RecordDelivery", "DeliveryRecorded"),
    NO_MATCH("RecordNoMatch", "NoMatchRecorded"),
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

    /** Every event this action can emit (docs/ledger.md lists them all). */
    public List<String> events() {
        return this == RECEIVE ? List.of(event, RECEIPT_MISMATCH_EVENT) : List.of(event);
    }

    /** The event name for the request as this action left it. */
    public String eventFor(ExchangeRequest after) {
        return this == RECEIVE && !after.receipt().matches() ? RECEIPT_MISMATCH_EVENT : event;
    }
}
