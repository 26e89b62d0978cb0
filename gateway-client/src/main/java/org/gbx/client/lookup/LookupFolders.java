package org.gbx.client.lookup;

import java.nio.file.Path;
import org.gbx.client.records.DataHome;

/** Where lookups keep their files in a force's data folder: {@code lookup/keys} and {@code lookup/sets}. */
public final class LookupFolders {

    private LookupFolders() {
    }

    /** This force's secret OPRF keys, as a holder. */
    public static Path keys(DataHome home) {
        return home.root().resolve("lookup").resolve("keys");
    }

    /** The sets other forces sent this force, as an asker. */
    public static Path sets(DataHome home) {
        return home.root().resolve("lookup").resolve("sets");
    }
}
