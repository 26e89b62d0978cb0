package org.gbx.client.ledger;

/** The result a submitted transaction returned, with the receipt of its commit. */
public record Submitted<T>(T value, SubmitReceipt receipt) {
}
