package org.gbx.client.ledger;

import java.util.ArrayList;
import java.util.List;
import org.gbx.client.config.Organisation;
import org.gbx.client.connection.Deadlines;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.model.LookupKey;
import org.gbx.client.model.LookupQuota;
import org.gbx.client.model.LookupRecord;
import org.gbx.client.model.NewLookup;
import org.gbx.client.model.NewLookupKey;

/**
 * The typed facade over the chaincode's {@code lookup} contract (docs/ledger.md, "Lookups"). A
 * lookup is endorsed by exactly its two forces, named explicitly: the chaincode's writes into both
 * forces' implicit collections require their peers, and the Gateway must be told to ask them.
 */
public final class LookupLedger {

    private static final String CONTRACT = "lookup:";
    private static final String COMMITTEE = "OversightMSP";

    private final TransactionRunner runner;
    private final String callerMspId;
    private final List<String> keyEndorsers;

    private LookupLedger(TransactionRunner runner, String callerMspId, List<String> keyEndorsers) {
        this.runner = runner;
        this.callerMspId = callerMspId;
        this.keyEndorsers = keyEndorsers;
    }

    public static LookupLedger over(LedgerConnection connection) {
        String caller = connection.identity().organisation().mspId();
        // A new key is decided by the chaincode-level policy, two forces' peers: this force's and another's.
        List<String> keyEndorsers = new ArrayList<>(List.of(caller));
        connection.config().organisations().stream().map(Organisation::mspId)
                .filter(msp -> !msp.equals(caller) && !msp.equals(COMMITTEE)).findFirst().ifPresent(keyEndorsers::add);
        return new LookupLedger(new TransactionRunner(connection.contract(), Deadlines.defaults(), ConflictRetry.defaults(),
                d -> Thread.sleep(d.toMillis())), caller, List.copyOf(keyEndorsers));
    }

    /**
     * {@code PublishLookupKey}: this force's key of an epoch, or the refreshed set under it. Its own peer
     * must endorse (the key's policy and the marker in its collection); another force's peer joins so
     * that a new key also meets the chaincode-level policy (two forces, never the committee).
     */
    public Submitted<LookupKey> publishKey(NewLookupKey key) {
        return submit(call("PublishLookupKey", LedgerJson.write(key)).endorsedBy(keyEndorsers), LookupKey.class);
    }

    /** {@code GetLookupKey}: the holder's current key. */
    public LookupKey currentKey(String holderMspId) {
        return evaluate(call("GetLookupKey", holderMspId, ""), LookupKey.class);
    }

    public LookupKey key(String holderMspId, int epoch) {
        return evaluate(call("GetLookupKey", holderMspId, Integer.toString(epoch)), LookupKey.class);
    }

    /** {@code RecordLookup}: endorsed by exactly the asker (this force) and the holder. */
    public Submitted<LookupRecord> recordLookup(String lookupId, NewLookup lookup) {
        return submit(call("RecordLookup", lookupId, LedgerJson.write(lookup))
                .endorsedBy(List.of(callerMspId, lookup.holderOrg())), LookupRecord.class);
    }

    public LookupRecord getLookup(String lookupId) {
        return evaluate(call("GetLookup", lookupId), LookupRecord.class);
    }

    public LookupQuota quota() {
        return evaluate(call("GetLookupQuota"), LookupQuota.class);
    }

    private static TransactionCall call(String name, String... arguments) {
        return TransactionCall.of(CONTRACT + name, arguments);
    }

    private <T> T evaluate(TransactionCall call, Class<T> type) {
        return LedgerJson.read(runner.evaluate(call), type);
    }

    private <T> Submitted<T> submit(TransactionCall call, Class<T> type) {
        TransactionRunner.Outcome outcome = runner.submit(call);
        return new Submitted<>(LedgerJson.read(outcome.result(), type), outcome.receipt());
    }
}
