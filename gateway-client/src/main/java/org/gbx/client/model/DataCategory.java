package org.gbx.client.model;

/** Kinds of data a force can ask for. */
public enum DataCategory {
    IDENTITY, BORDER_CROSSINGS, VEHICLES, TELECOM, CCTV, CRIMINAL_RECORD, OTHER
}
