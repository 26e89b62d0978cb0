package org.gbx.client.delivery;

/** What one leaf of a package is: a canonical record, or a fixed-size chunk of a clip. */
public enum EntryKind {
    RECORD('R'),
    CHUNK('C');

    private final byte tag;

    EntryKind(char tag) {
        this.tag = (byte) tag;
    }

    /** The byte mixed into the leaf hash so a record can never pass as a chunk or the reverse. */
    byte tag() {
        return tag;
    }
}
