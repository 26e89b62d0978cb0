package org.gbx.client.lookup;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.gbx.client.lookup.oprf.OprfServer;

/**
 * The holder's side of a set: the PRF of every identifier it holds under the current key, each
 * identifier's reference data sealed under its own PRF output, sorted. The PRF dominates the cost;
 * identifiers are independent, so the work is split over every core.
 */
public final class SetPreparation {

    private final OprfServer prf;
    private final ForkJoinPool pool;

    /** @param pool where the PRF evaluations run (the common pool: every core) */
    public SetPreparation(OprfServer prf, ForkJoinPool pool) {
        this.prf = prf;
        this.pool = pool;
    }

    public LookupSet prepare(int epoch, List<HeldIdentifier> identifiers) {
        int n = identifiers.size();
        if (n > LookupSet.MAX_ENTRIES) {
            throw new IllegalArgumentException("more than " + LookupSet.MAX_ENTRIES + " identifiers");
        }
        long[] tags = new long[n];
        byte[] sealed = new byte[n * EntrySeal.SEALED_BYTES];
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
            HeldIdentifier held = identifiers.get(i);
            EntrySeal seal = EntrySeal.of(prf.evaluate(held.identifier().prfInput()));
            tags[i] = seal.tag();
            System.arraycopy(seal.seal(held.reference()), 0, sealed, i * EntrySeal.SEALED_BYTES, EntrySeal.SEALED_BYTES);
        })).join();
        return LookupSet.sorted(epoch, tags, sealed);
    }
}
