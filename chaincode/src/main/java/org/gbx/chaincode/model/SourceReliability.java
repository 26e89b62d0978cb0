package org.gbx.chaincode.model;

/** Reliability of the source of delivered information (A reliable ... X not assessed). */
public enum SourceReliability {
    A,
    B,
    C,
    X
}
