package org.gbx.chaincode.model;

import java.time.Instant;
import java.util.SortedSet;

/**
 * The holder's answer that none of its records match a grant: who searched (the holder's liaison,
 * whose exchange node did the search), when, and in which granted categories.
 */
public record NoMatch(String by, Instant at, SortedSet<DataCategory> categories) {

    public NoMatch {
        categories = DataCategory.canonical(categories);
    }
}
