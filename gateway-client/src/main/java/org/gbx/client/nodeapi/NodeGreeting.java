package org.gbx.client.nodeapi;

/** The node's answer to {@code Hello}: whose node it is and who it sees calling. */
public record NodeGreeting(String nodeMspId, String officer, String role) {
}
