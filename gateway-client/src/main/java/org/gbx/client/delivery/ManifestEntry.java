package org.gbx.client.delivery;

import java.util.Map;

/** One leaf of the package as the manifest lists it: its kind, its leaf hash (hex) and its size. */
public record ManifestEntry(EntryKind kind, String leaf, long size) {

    Map<String, Object> toJsonTree() {
        return Map.of("kind", kind.name(), "leaf", leaf, "size", size);
    }
}
