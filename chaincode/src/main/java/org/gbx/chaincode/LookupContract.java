package org.gbx.chaincode;

import static org.gbx.chaincode.ErrorCode.LOOKUP_ID_CONFLICT;
import static org.gbx.chaincode.ErrorCode.LOOKUP_KEY_UNKNOWN;
import static org.gbx.chaincode.ErrorCode.ORG_SUSPENDED;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.gbx.chaincode.ledger.LedgerJson;
import org.gbx.chaincode.ledger.Lookups;
import org.gbx.chaincode.model.LookupDraft;
import org.gbx.chaincode.model.LookupKey;
import org.gbx.chaincode.model.LookupKeyDraft;
import org.gbx.chaincode.model.LookupQuota;
import org.gbx.chaincode.model.LookupRecord;
import org.gbx.chaincode.rules.Input;
import org.gbx.chaincode.rules.LookupRules;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.contract.annotation.Transaction.TYPE;

/**
 * Hit/no-hit lookups between forces (docs/lookup.md), the contract {@code lookup} of the same
 * chaincode: transactions are called {@code lookup:RecordLookup} and so on. The ledger records
 * every lookup before the holder may answer it, and the holders' keys the answers are proved
 * against; never an identifier or a hash of one.
 */
@Contract(name = "lookup", info = @Info(title = "gbx hit/no-hit lookups", version = "0.1.0"))
public final class LookupContract implements ContractInterface {

    /** Read only to decide whether to endorse (rules/ProposalTime), never to decide what to write. */
    private final Clock hostClock;

    public LookupContract() {
        this(Clock.systemUTC());
    }

    /** With another clock: tests set the endorsing host's time apart from the proposal's. */
    public LookupContract(Clock hostClock) {
        this.hostClock = hostClock;
    }

    private Session session(Context ctx) {
        return Session.of(ctx, hostClock);
    }

    /** The shim's default answer ("Undefined contract method called") carries no code. */
    @Override
    public void unknownTransaction(Context ctx) {
        throw ErrorCode.UNKNOWN_TRANSACTION.refuse("no transaction of this name (docs/ledger.md lists them)");
    }

    /** The holder's node publishes its key of a new epoch, or the set it refreshed under the current one. */
    @Transaction(name = "PublishLookupKey", intent = TYPE.SUBMIT)
    public String publishLookupKey(Context ctx, String keyJson) {
        LookupKeyDraft draft = LedgerJson.parseArgument("keyJson", keyJson, LookupKeyDraft.class);
        Session session = session(ctx);
        session.caller().requireRole();
        LookupRules.requireMayPublish(session.caller());
        Lookups lookups = new Lookups(session.stub());
        Optional<LookupKey> latest = lookups.latestKey(session.caller().mspId());
        LookupRules.requireKeyChange(latest, draft);
        boolean created = latest.isEmpty() || latest.get().epoch() != draft.epoch();
        LookupKey key = new LookupKey(session.caller().mspId(), draft.epoch(), draft.publicKey(), draft.setDigest(),
                draft.setSize(), session.caller().officer(),
                created ? session.now() : latest.get().publishedAt(), session.now());
        lookups.putKey(key, created);
        session.emit("LookupKeyPublished", key);
        return LedgerJson.write(key);
    }

    /** {@code epoch} empty: the holder's current key. */
    @Transaction(name = "GetLookupKey", intent = TYPE.EVALUATE)
    public String getLookupKey(Context ctx, String mspId, String epoch) {
        String org = Input.mspId(mspId);
        Session session = session(ctx);
        session.caller().requireRole();
        Lookups lookups = new Lookups(session.stub());
        Optional<LookupKey> key = epoch == null || epoch.isEmpty() ? lookups.latestKey(org)
                : lookups.key(org, (int) Input.inRange("epoch", parseEpoch(epoch), 1, LookupKeyDraft.MAX_EPOCH));
        return LedgerJson.write(key.orElseThrow(() -> LOOKUP_KEY_UNKNOWN.refuse("this force has published no such key")));
    }

    /**
     * The asker's officer records a lookup before the holder may evaluate it. Refused past the
     * officer's daily cap; a replay of the same lookup returns it unchanged.
     */
    @Transaction(name = "RecordLookup", intent = TYPE.SUBMIT)
    public String recordLookup(Context ctx, String lookupId, String lookupJson) {
        String id = Input.id("lookupId", lookupId);
        LookupDraft draft = LedgerJson.parseArgument("lookupJson", lookupJson, LookupDraft.class);
        Session session = session(ctx);
        session.caller().requireRole();
        LookupRules.requireMayAsk(session.caller(), draft.holderOrg());
        Lookups lookups = new Lookups(session.stub());
        String asker = session.caller().mspId();
        LookupQuota quota = lookups.quota(asker, session.caller().officer(), LookupRules.dayOf(session.now()));
        LookupRecord lookup = new LookupRecord(id, asker, draft.holderOrg(), session.caller().officer(), draft.idType(),
                draft.purpose(), draft.legalBasis(), draft.blindedHash(), draft.keyEpoch(), session.now(), quota.day(),
                quota.used() + 1, quota.cap(), null);
        Optional<LookupRecord> existing = lookups.find(id);
        if (existing.isPresent()) {
            if (!existing.get().hasSameTerms(lookup)) {
                throw LOOKUP_ID_CONFLICT.refuse("a different lookup already has this id");
            }
            return LedgerJson.write(existing.get());
        }
        if (List.of(asker, draft.holderOrg()).stream().anyMatch(session.suspensions()::isSuspended)) {
            throw ORG_SUSPENDED.refuse("a force of this lookup is suspended by the committee");
        }
        int current = lookups.latestKey(draft.holderOrg()).map(LookupKey::epoch)
                .orElseThrow(() -> LOOKUP_KEY_UNKNOWN.refuse("the holder has published no lookup key"));
        if (current != draft.keyEpoch()) {
            throw LOOKUP_KEY_UNKNOWN.refuse("the holder's current lookup key is epoch " + current);
        }
        LookupRules.requireUnderCap(quota.used());
        lookups.record(lookup);
        session.emit("LookupRecorded", lookup);
        return LedgerJson.write(lookup);
    }

    @Transaction(name = "GetLookup", intent = TYPE.EVALUATE)
    public String getLookup(Context ctx, String lookupId) {
        String id = Input.id("lookupId", lookupId);
        Session session = session(ctx);
        session.caller().requireRole();
        return LedgerJson.write(new Lookups(session.stub()).load(id));
    }

    /** How many lookups the calling officer has recorded today (UTC+8), against the cap. */
    @Transaction(name = "GetLookupQuota", intent = TYPE.EVALUATE)
    public String getLookupQuota(Context ctx) {
        Session session = session(ctx);
        session.caller().requireRole();
        return LedgerJson.write(new Lookups(session.stub()).quota(session.caller().mspId(), session.caller().officer(),
                LookupRules.dayOf(session.now())));
    }

    private static Integer parseEpoch(String epoch) {
        try {
            return Integer.valueOf(epoch);
        } catch (NumberFormatException e) {
            throw ErrorCode.INVALID_VALUE.refuse("epoch must be an integer");
        }
    }
}
