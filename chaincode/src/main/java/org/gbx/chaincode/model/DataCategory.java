package org.gbx.chaincode.model;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** Kinds of data a force can ask for; the order here is the order on the ledger. */
public enum DataCategory {
    IDENTITY,
    BORDER_CROSSINGS,
    VEHICLES,
    TELECOM,
    CCTV,
    CRIMINAL_RECORD,
    OTHER;

    /** Sorted and duplicate-free, so the same set serialises to the same bytes on every peer. */
    public static SortedSet<DataCategory> canonical(Collection<DataCategory> categories) {
        return categories == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(categories));
    }
}
