package org.gbx.client.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A package whose every byte was checked against the manifest, the manifest against the ledger,
 * and the signature against the sending force: only this may enter the received-data store.
 */
public record VerifiedPackage(Manifest manifest, String packageHash, List<VerifiedRecord> records) {

    /** One received record: canonical JSON, and for a CCTV record the verified clip file in the spool. */
    public record VerifiedRecord(int position, String category, String recordId, String canonicalJson,
            Optional<Path> clipFile) {
    }

    public VerifiedPackage {
        records = List.copyOf(records);
    }
}
