package org.gbx.chaincode.rules;

import static org.gbx.chaincode.ErrorCode.INVALID_TARGET;
import static org.gbx.chaincode.ErrorCode.LOOKUP_CAP_REACHED;
import static org.gbx.chaincode.ErrorCode.LOOKUP_KEY_CONFLICT;
import static org.gbx.chaincode.ErrorCode.UNAUTHORIZED;
import static org.gbx.chaincode.identity.Role.ADMIN;
import static org.gbx.chaincode.identity.Role.LIAISON;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.gbx.chaincode.identity.Caller;
import org.gbx.chaincode.model.LookupKey;
import org.gbx.chaincode.model.LookupKeyDraft;

/**
 * The rules of hit/no-hit lookups (docs/lookup.md): who may ask and publish, the per-officer daily
 * cap, and how a holder's key may change.
 */
public final class LookupRules {

    /**
     * Lookups one officer may record per day. Each is one identifier tested against the holder's
     * set, so the cap is what bounds an officer's testing of many identifiers.
     */
    public static final int DAILY_CAP = 20;
    /** The Greater Bay Area's day (UTC+8) is the one an officer's cap counts. */
    public static final ZoneOffset DAY_ZONE = ZoneOffset.ofHours(8);

    private LookupRules() {
    }

    public static LocalDate dayOf(Instant at) {
        return at.atOffset(DAY_ZONE).toLocalDate();
    }

    /** A liaison officer of a force asks another force; never the committee, never itself. */
    public static void requireMayAsk(Caller caller, String holderOrg) {
        if (caller.mspId().equals(Authorization.COMMITTEE) || !caller.is(caller.mspId(), LIAISON)) {
            throw UNAUTHORIZED.refuse("only a liaison officer of a force records a lookup");
        }
        if (holderOrg.equals(caller.mspId()) || holderOrg.equals(Authorization.COMMITTEE)) {
            throw INVALID_TARGET.refuse("a lookup asks another force, not the asker or the committee");
        }
    }

    /** A force's own node (its liaison identity) or admin publishes the force's key; the committee has none. */
    public static void requireMayPublish(Caller caller) {
        if (caller.mspId().equals(Authorization.COMMITTEE)
                || !(caller.is(caller.mspId(), LIAISON) || caller.is(caller.mspId(), ADMIN))) {
            throw UNAUTHORIZED.refuse("only a liaison officer or admin of a force publishes its lookup key");
        }
    }

    public static void requireUnderCap(int usedToday) {
        if (usedToday >= DAILY_CAP) {
            throw LOOKUP_CAP_REACHED.refuse("this officer has recorded " + DAILY_CAP + " lookups today (UTC+8)");
        }
    }

    /**
     * The same epoch may only refresh its set (same public key); a new key takes the next epoch.
     * Epochs never go back, so a proof checked against epoch n always meant the same key.
     */
    public static void requireKeyChange(Optional<LookupKey> latest, LookupKeyDraft draft) {
        int current = latest.map(LookupKey::epoch).orElse(0);
        boolean refresh = latest.isPresent() && draft.epoch() == current;
        if (refresh && !latest.get().publicKey().equals(draft.publicKey())) {
            throw LOOKUP_KEY_CONFLICT.refuse("epoch " + current + " already has another public key; rotate to epoch "
                    + (current + 1));
        }
        if (!refresh && draft.epoch() != current + 1) {
            throw LOOKUP_KEY_CONFLICT.refuse("the next epoch of this force's lookup key is " + (current + 1));
        }
    }
}
