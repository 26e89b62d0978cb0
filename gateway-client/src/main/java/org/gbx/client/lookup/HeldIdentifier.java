package org.gbx.client.lookup;

/** One identifier the holder has records under, with what a hit on it would tell. */
public record HeldIdentifier(Identifier identifier, ReferenceData reference) {
}
