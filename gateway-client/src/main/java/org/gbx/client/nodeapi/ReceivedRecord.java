package org.gbx.client.nodeapi;

/**
 * One received record as the node hands it to its officer after an access: its place in the
 * package, category, id, the record in canonical JSON, and the path of its clip on the node's host
 * (null when it has none).
 */
public record ReceivedRecord(int position, String category, String recordId, String record, String clip) {
}
