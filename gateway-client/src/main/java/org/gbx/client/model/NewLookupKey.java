package org.gbx.client.model;

/** The {@code keyJson} of PublishLookupKey: the holder's public key of an epoch and its set's digest and size. */
public record NewLookupKey(int epoch, String publicKey, String setDigest, long setSize) {
}
