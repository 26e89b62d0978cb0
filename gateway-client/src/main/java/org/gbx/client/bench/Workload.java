package org.gbx.client.bench;

/** One kind of ledger transaction the load generator submits and waits to see committed. */
interface Workload {

    String name();

    /** Creates what the transactions need (e.g. requests to access), enough for {@code slots} at once. */
    default void prepare(int slots) throws InterruptedException {
    }

    /** Submits one transaction and returns once it is committed; throws if it was not. */
    void runOne(long sequence) throws InterruptedException;
}
