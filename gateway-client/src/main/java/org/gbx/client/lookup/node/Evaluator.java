package org.gbx.client.lookup.node;

import java.security.SecureRandom;
import java.time.Duration;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.LookupLedger;
import org.gbx.client.lookup.BlindedElements;
import org.gbx.client.lookup.HolderKeys;
import org.gbx.client.lookup.oprf.BlindEvaluation;
import org.gbx.client.lookup.oprf.OprfException;
import org.gbx.client.lookup.oprf.OprfMode;
import org.gbx.client.lookup.oprf.OprfServer;
import org.gbx.client.lookup.oprf.P256Group;
import org.gbx.client.model.LookupRecord;

/**
 * The holder's rule for answering: it evaluates a blinded element only if a committed lookup on
 * its own peer is addressed to it, was made by the calling force, and recorded exactly this
 * element's hash. So every evaluation the asker gets is on the ledger first, under the asker's
 * officer, purpose, legal basis and daily cap.
 */
final class Evaluator {

    /** A lookup committed through the asker's peer reaches the holder's peer a moment later. */
    private static final Duration ARRIVAL = Duration.ofSeconds(5);
    /** Short: the block is usually a few milliseconds behind, and the asker is waiting. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final String holderMspId;
    private final LookupLedger ledger;
    private final HolderKeys keys;
    private final SecureRandom random;

    Evaluator(String holderMspId, LookupLedger ledger, HolderKeys keys, SecureRandom random) {
        this.holderMspId = holderMspId;
        this.ledger = ledger;
        this.keys = keys;
        this.random = random;
    }

    Answer evaluate(String askerMspId, String lookupId, byte[] blindedElement) {
        var element = decode(blindedElement);
        LookupRecord lookup = committedLookup(lookupId);
        if (!lookup.holderOrg().equals(holderMspId) || !lookup.askerOrg().equals(askerMspId)) {
            throw new LookupRefusedException(LookupRefusedException.Reason.NOT_THE_RECORDED_LOOKUP,
                    "lookup " + lookupId + " was not made by " + askerMspId + " of " + holderMspId);
        }
        if (!BlindedElements.ledgerHash(blindedElement).equals(lookup.blindedHash())) {
            throw new LookupRefusedException(LookupRefusedException.Reason.NOT_THE_RECORDED_LOOKUP,
                    "the blinded element is not the one lookup " + lookupId + " recorded on the ledger");
        }
        HolderKeys.EpochKey key = keys.of(lookup.keyEpoch()).orElseThrow(() -> new LookupRefusedException(
                LookupRefusedException.Reason.KEY_RETIRED, "the key of epoch " + lookup.keyEpoch() + " is retired"));
        BlindEvaluation evaluation = new OprfServer(OprfMode.VOPRF, key.key(), random).blindEvaluate(element);
        return new Answer(key.epoch(), evaluation);
    }

    /** The evaluation and the epoch of the key that made it. */
    record Answer(int epoch, BlindEvaluation evaluation) {
    }

    private static org.bouncycastle.math.ec.ECPoint decode(byte[] blindedElement) {
        try {
            return P256Group.deserializeElement(blindedElement);
        } catch (OprfException e) {
            throw new LookupRefusedException(LookupRefusedException.Reason.MALFORMED, "the blinded element is malformed");
        }
    }

    private LookupRecord committedLookup(String lookupId) {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (true) {
            try {
                return ledger.getLookup(lookupId);
            } catch (ChaincodeRefusalException e) {
                boolean unknown = "NOT_FOUND".equals(e.code()) || "MALFORMED_ID".equals(e.code());
                if (!unknown) {
                    throw e;
                }
                if ("MALFORMED_ID".equals(e.code()) || System.nanoTime() > deadline) {
                    throw new LookupRefusedException(LookupRefusedException.Reason.NOT_ON_LEDGER,
                            "no committed lookup with this id is addressed to " + holderMspId);
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
