package org.gbx.client.audit.chain;

/** One key written (or deleted) by a transaction in a chaincode's public state. */
public record LedgerWrite(String namespace, String key, String value, boolean deleted) {
}
