package org.gbx.client.model;

/** Restrictions the requester accepts on the use of the data; H3 needs written conditions. */
public enum HandlingCode {
    H0, H1, H2, H3
}
