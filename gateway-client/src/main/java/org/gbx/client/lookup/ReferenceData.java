package org.gbx.client.lookup;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gbx.client.model.DataCategory;

/**
 * What a hit tells the asker: how many records of each category the holder has on the person the
 * identifier belongs to, enough to frame a request and nothing more. Counts above 255 read as 255.
 * Encoded in {@value #BYTES} bytes: a version, then one count per category in ledger order.
 */
public record ReferenceData(Map<DataCategory, Integer> counts) {

    /** Categories a holder counts; OTHER has no table. */
    public static final List<DataCategory> CATEGORIES = List.of(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS,
            DataCategory.VEHICLES, DataCategory.TELECOM, DataCategory.CCTV, DataCategory.CRIMINAL_RECORD);
    static final int BYTES = 1 + 6;
    private static final int VERSION = 1;
    private static final int MAX_COUNT = 255;

    public ReferenceData {
        EnumMap<DataCategory, Integer> kept = new EnumMap<>(DataCategory.class);
        counts.forEach((category, count) -> {
            if (!CATEGORIES.contains(category) || count < 0) {
                throw new IllegalArgumentException("no count is kept for " + category);
            }
            if (count > 0) {
                kept.put(category, Math.min(count, MAX_COUNT));
            }
        });
        counts = Collections.unmodifiableMap(kept);
    }

    /** The categories with at least one record, in ledger order. */
    public List<DataCategory> categories() {
        return List.copyOf(counts.keySet());
    }

    public int count(DataCategory category) {
        return counts.getOrDefault(category, 0);
    }

    /** Category-wise the larger count: an identifier shared by two records of the holder. */
    public ReferenceData merge(ReferenceData other) {
        EnumMap<DataCategory, Integer> merged = new EnumMap<>(DataCategory.class);
        for (DataCategory category : CATEGORIES) {
            merged.put(category, Math.max(count(category), other.count(category)));
        }
        return new ReferenceData(merged);
    }

    void encode(byte[] out, int offset) {
        out[offset] = VERSION;
        for (int i = 0; i < CATEGORIES.size(); i++) {
            out[offset + 1 + i] = (byte) count(CATEGORIES.get(i));
        }
    }

    /** Null when the bytes are not of this version. */
    static ReferenceData decode(byte[] in, int offset) {
        if (in[offset] != VERSION) {
            return null;
        }
        EnumMap<DataCategory, Integer> counts = new EnumMap<>(DataCategory.class);
        for (int i = 0; i < CATEGORIES.size(); i++) {
            counts.put(CATEGORIES.get(i), in[offset + 1 + i] & 0xff);
        }
        return new ReferenceData(counts);
    }
}
