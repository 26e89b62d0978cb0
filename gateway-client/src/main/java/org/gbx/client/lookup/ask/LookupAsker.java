package org.gbx.client.lookup.ask;

import io.grpc.StatusRuntimeException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.LookupLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.lookup.BlindedElements;
import org.gbx.client.lookup.Identifier;
import org.gbx.client.lookup.LookupSet;
import org.gbx.client.lookup.ReceivedSets;
import org.gbx.client.lookup.ReferenceData;
import org.gbx.client.lookup.node.LookupClient;
import org.gbx.client.lookup.node.LookupDirectory;
import org.gbx.client.lookup.node.LookupRefusedException;
import org.gbx.client.lookup.oprf.BlindedInput;
import org.gbx.client.lookup.oprf.OprfClient;
import org.gbx.client.lookup.oprf.OprfException;
import org.gbx.client.lookup.oprf.OprfMode;
import org.gbx.client.lookup.oprf.P256Group;
import org.gbx.client.model.LookupKey;
import org.gbx.client.model.LookupRecord;
import org.gbx.client.model.NewLookup;
import org.gbx.client.transfer.ChannelTrust;
import org.gbx.client.transfer.NodeTls;

/**
 * Asks another force whether it holds anything under one identifier (docs/lookup.md): blinds the
 * identifier, records the lookup on the ledger (never the identifier, only the blinded element's
 * hash), has the holder's node evaluate the blinded element, verifies the proof against the key on
 * the ledger, and looks the result up in the holder's set that this force already holds. The
 * holder learns neither the identifier nor the answer.
 */
public final class LookupAsker implements AutoCloseable {

    private static final Duration HOLDER_DEADLINE = Duration.ofSeconds(30);

    private final LookupLedger ledger;
    private final ReceivedSets sets;
    private final LookupDirectory directory;
    private final NodeTls tls;
    private final ChannelTrust trust;
    private final SecureRandom random;
    /** One connection per holder for the asker's life: a TLS handshake per lookup would dominate its time. */
    private final Map<String, LookupClient> holders = new HashMap<>();

    public LookupAsker(LookupLedger ledger, ReceivedSets sets, LookupDirectory directory, NodeTls tls,
            ChannelTrust trust, SecureRandom random) {
        this.ledger = ledger;
        this.sets = sets;
        this.directory = directory;
        this.tls = tls;
        this.trust = trust;
        this.random = random;
    }

    public LookupOutcome ask(String lookupId, String holderMspId, Identifier identifier, String purpose,
            String legalBasis) {
        long started = System.nanoTime();
        LookupKey key = currentKey(holderMspId);
        LookupSet set = sets.find(holderMspId, key.epoch(), key.setDigest()).orElseThrow(() -> new LookupException(
                LookupException.Reason.NO_SET, null, "this force holds no set of " + holderMspId + " for its key epoch "
                + key.epoch(), null));
        OprfClient client = new OprfClient(OprfMode.VOPRF, P256Group.deserializeElement(
                HexFormat.of().parseHex(key.publicKey())));
        BlindedInput blinded = client.blind(identifier.prfInput(), random);
        byte[] element = blinded.blindedElementBytes();
        long beforeLedger = System.nanoTime();
        Submitted<LookupRecord> recorded = ledger.recordLookup(lookupId, new NewLookup(holderMspId,
                identifier.type().name(), purpose, legalBasis, BlindedElements.ledgerHash(element), key.epoch()));
        long afterLedger = System.nanoTime();
        LookupClient.Evaluated evaluated;
        try {
            evaluated = holder(holderMspId).evaluate(lookupId, element);
        } catch (LookupRefusedException e) {
            throw new LookupException(LookupException.Reason.HOLDER_REFUSED, lookupId, e.getMessage(), e);
        } catch (StatusRuntimeException e) {
            throw new LookupException(LookupException.Reason.HOLDER_UNREACHABLE, lookupId,
                    "the lookup service of " + holderMspId + " did not answer (" + e.getStatus().getCode() + ")", e);
        }
        byte[] output;
        try {
            output = client.finalizeEvaluation(blinded, evaluated.evaluation());
        } catch (OprfException e) {
            throw new LookupException(LookupException.Reason.PROOF_REJECTED, lookupId, e.getMessage(), e);
        }
        Optional<ReferenceData> hit = set.find(output);
        long finished = System.nanoTime();
        return new LookupOutcome(recorded.value(), recorded.receipt(), hit, (afterLedger - beforeLedger) / 1_000_000,
                (finished - afterLedger + beforeLedger - started) / 1_000_000);
    }

    private synchronized LookupClient holder(String holderMspId) {
        return holders.computeIfAbsent(holderMspId, msp -> LookupClient.connect(directory.endpoint(msp), msp, tls, trust,
                HOLDER_DEADLINE));
    }

    @Override
    public synchronized void close() {
        holders.values().forEach(LookupClient::close);
        holders.clear();
    }

    private LookupKey currentKey(String holderMspId) {
        try {
            return ledger.currentKey(holderMspId);
        } catch (ChaincodeRefusalException e) {
            if ("LOOKUP_KEY_UNKNOWN".equals(e.code())) {
                throw new LookupException(LookupException.Reason.HOLDER_HAS_NO_KEY, null,
                        holderMspId + " has published no lookup key", e);
            }
            throw e;
        }
    }
}
