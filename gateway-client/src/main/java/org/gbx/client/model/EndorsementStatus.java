package org.gbx.client.model;

/** Where an evidence endorsement (異地簽註) stands: asked for by the requester, then signed by the owner. */
public enum EndorsementStatus {
    REQUESTED, ENDORSED
}
