package org.gbx.client.records;

/**
 * What {@code gbx records seed} writes: {@code persons} people (with their crossings, vehicles,
 * phones, cases and clips), reproducible from {@code seed}. {@code homeJurisdiction} decides which
 * identity documents, plates and phones most of the force's people carry.
 */
public record SeedPlan(String orgKey, IdType homeJurisdiction, int persons, long clipBytes, long seed) {

    public SeedPlan {
        if (persons < 1 || persons > 200_000) {
            throw new IllegalArgumentException("size must be between 1 and 200000 persons");
        }
        if (clipBytes < 1) {
            throw new IllegalArgumentException("clip size must be at least one byte");
        }
    }

    /** The generator's starting point: the same for the same force, seed and nothing else. */
    long generatorSeed() {
        return seed * 1_000_003L + orgKey.hashCode();
    }
}
