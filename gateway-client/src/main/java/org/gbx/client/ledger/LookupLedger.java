package org.gbx.client.ledger;

import java.util.List;
import org.gbx.client.connection.Deadlines;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.model.LookupKey;
import org.gbx.client.model.LookupQuota;
import org.gbx.client.model.LookupRecord;
import org.gbx.client.model.NewLookup;
import org.gbx.client.model.NewLookupKey;
import org.hyperledger.fabric.client.Contract;

/**
 * The typed facade over the chaincode's {@code lookup} contract (docs/ledger.md, "Lookups"). A
 * lookup is endorsed by exactly its two forces, named explicitly: the chaincode's writes into both
 * forces' implicit collections require their peers, and the Gateway must be told to ask them.
 */
public final class LookupLedger {

    private static final String CONTRACT = "lookup:";

    private final TransactionRunner runner;
    private final String callerMspId;

    private LookupLedger(TransactionRunner runner, String callerMspId) {
        this.runner = runner;
        this.callerMspId = callerMspId;
    }

    public static LookupLedger over(LedgerConnection connection) {
        return over(connection.contract(), connection.identity().organisation().mspId(), Deadlines.defaults(),
                ConflictRetry.defaults());
    }

    public static LookupLedger over(Contract contract, String callerMspId, Deadlines deadlines, ConflictRetry retry) {
        return new LookupLedger(new TransactionRunner(contract, deadlines, retry,
                d -> Thread.sleep(d.toMillis())), callerMspId);
    }

    /**
     * {@code PublishLookupKey}: this force's key of an epoch, or the refreshed set under it. Its own peer
     * must endorse (the key's policy and the marker in its collection); a second force's peer joins
     * because a new epoch's key is a new ledger key, which the chaincode-level policy (two forces'
     * peers, never the committee) decides.
     *
     * @param secondForce another force of the channel, whose peer endorses with this force's
     */
    public Submitted<LookupKey> publishKey(NewLookupKey key, String secondForce) {
        return submit(call("PublishLookupKey", LedgerJson.write(key)).endorsedBy(List.of(callerMspId, secondForce)),
                LookupKey.class);
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
