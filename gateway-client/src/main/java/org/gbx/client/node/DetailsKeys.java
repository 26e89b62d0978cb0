package org.gbx.client.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.gbx.client.crypto.DetailsSealing;
import org.gbx.client.crypto.RequestKey;
import org.gbx.client.crypto.SealBrokenException;
import org.gbx.client.keystore.RequestKeyStore;
import org.gbx.client.keystore.RequestKeyStore.Entry;
import org.gbx.client.keystore.RequestKeyStore.Purpose;
import org.gbx.client.keystore.RequestKeyStore.State;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.model.CaseDetails;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.SealedDetails;
import org.gbx.client.model.Status;
import org.gbx.client.transfer.DetailsKeyInbox;
import org.gbx.client.transfer.DetailsKeySender;
import org.gbx.client.transfer.TransferRefusedException;

/**
 * The force's keeper of case-details keys (docs/ledger.md, "Destruction"). A key comes from one of
 * this force's officers creating a request (local API) or from the requesting force's node (node to
 * node); either way it is stored first, PENDING, and confirmed only once the ledger shows the
 * request with the right requester and target and sealed details whose key commitment is this
 * key's. A key that does not match is erased. The requester's node then hands its confirmed key to
 * the target's node; on destruction both erase it.
 */
final class DetailsKeys implements DetailsKeyInbox {

    private static final Logger LOG = Logger.getLogger(DetailsKeys.class.getName());
    /** A key whose request never reaches the ledger (a create that failed) is erased after this. */
    static final Duration PENDING_LIFETIME = Duration.ofHours(1);

    /** What matching a request's keys against the ledger found. */
    enum Match {
        /** A key matches the ledger and is held. */
        CONFIRMED,
        /** The request (or its details) is not on this force's peer yet. */
        NOT_ON_LEDGER_YET,
        /** No key is held for it (none given, none matching, or the request is destroyed). */
        NONE
    }

    private final String mspId;
    private final ExchangeLedger ledger;
    private final RequestKeyStore store;
    private final DetailsKeySender sender;
    private final NodeDirectory directory;
    private final NodeListener listener;
    private final Consumer<String> arrived;

    /** @param arrived told of every key stored, so the node matches it against the ledger */
    DetailsKeys(String mspId, ExchangeLedger ledger, RequestKeyStore store, DetailsKeySender sender,
            NodeDirectory directory, NodeListener listener, Consumer<String> arrived) {
        this.arrived = arrived;
        this.mspId = mspId;
        this.ledger = ledger;
        this.store = store;
        this.sender = sender;
        this.directory = directory;
        this.listener = listener;
    }

    /** From an officer of this force, before the request is submitted. */
    void acceptFromOfficer(String requestId, RequestKey key) {
        keep(requestId, key, mspId);
    }

    /** From another force's node: kept pending until the ledger names that force as the requester and this one as the target. */
    @Override
    public void accept(String requestId, byte[] key, String senderMspId) {
        if (!RequestIds.isValid(requestId) || key.length != RequestKey.BYTES) {
            throw new TransferRefusedException(TransferRefusedException.Reason.NO_PACKAGE, "malformed key");
        }
        if (senderMspId.equals(mspId)) {
            throw new TransferRefusedException(TransferRefusedException.Reason.NOT_THE_REQUESTER,
                    "a force hands keys to another force only");
        }
        keep(requestId, RequestKey.of(key), senderMspId);
    }

    private void keep(String requestId, RequestKey key, String givenBy) {
        String commitment = DetailsSealing.commitment(key, requestId);
        boolean held = store.entries(requestId).stream()
                .anyMatch(e -> e.purpose() == Purpose.CASE_DETAILS && e.commitment().equals(commitment));
        if (held) {
            return; // the same key again (a retry): its state stands
        }
        try {
            store.put(new Entry(requestId, Purpose.CASE_DETAILS, commitment, State.PENDING, givenBy, false,
                    Instant.now()), key);
        } catch (IOException e) {
            throw new UncheckedIOException("the key store cannot be written", e);
        } finally {
            key.destroy();
        }
        LOG.info(() -> "case-details key of request " + requestId + " received from " + givenBy
                + "; it is matched against the ledger before use");
        arrived.accept(requestId);
    }

    /** An officer withdraws a pending key (the ledger refused the request). */
    boolean drop(String requestId, String commitment) {
        for (Entry entry : caseDetails(requestId)) {
            if (entry.state() == State.PENDING && entry.givenBy().equals(mspId) && entry.commitment().equals(commitment)) {
                return erase(entry);
            }
        }
        return false;
    }

    /** Confirms the pending key the ledger names and erases every other key of the request. */
    Match match(String requestId) {
        List<Entry> entries = caseDetails(requestId);
        if (entries.isEmpty()) {
            return Match.NONE;
        }
        if (entries.stream().anyMatch(e -> e.state() == State.CONFIRMED)) {
            entries.stream().filter(e -> e.state() == State.PENDING).forEach(this::erase);
            return Match.CONFIRMED;
        }
        ExchangeRequest request;
        SealedDetails sealed;
        try {
            request = ledger.getRequest(requestId);
            if (request.status() == Status.DESTROYED) {
                eraseAll(requestId);
                return Match.NONE;
            }
            sealed = ledger.getPrivateDetails(requestId);
        } catch (ChaincodeRefusalException e) {
            if (!"NOT_FOUND".equals(e.code()) && !"DETAILS_UNAVAILABLE".equals(e.code())) {
                throw e;
            }
            Instant expired = Instant.now().minus(PENDING_LIFETIME);
            entries.stream().filter(entry -> entry.storedAt().isBefore(expired)).forEach(entry -> {
                LOG.warning("erased a case-details key of request " + requestId + ": the request did not reach"
                        + " the ledger within " + PENDING_LIFETIME.toMinutes() + " minutes");
                erase(entry);
            });
            return caseDetails(requestId).isEmpty() ? Match.NONE : Match.NOT_ON_LEDGER_YET;
        }
        boolean ours = request.requesterOrg().equals(mspId) || request.targetOrg().equals(mspId);
        Match outcome = Match.NONE;
        for (Entry entry : entries) {
            if (outcome == Match.NONE && ours && entry.givenBy().equals(request.requesterOrg())
                    && sealed.sha256Hex().equals(request.detailsHash()) && opens(entry, requestId, sealed)) {
                update(entry.confirmed());
                outcome = Match.CONFIRMED;
            } else {
                LOG.warning("erased a case-details key of request " + requestId + " given by " + entry.givenBy()
                        + ": it is not the key of the sealed details the ledger holds");
                erase(entry);
            }
        }
        if (outcome == Match.CONFIRMED) {
            LOG.info(() -> "case-details key of request " + requestId + " matches the ledger");
            listener.keyConfirmed(requestId);
        }
        return outcome;
    }

    private boolean opens(Entry entry, String requestId, SealedDetails sealed) {
        Optional<RequestKey> key = store.key(entry);
        if (key.isEmpty()) {
            return false;
        }
        try {
            DetailsSealing.open(requestId, sealed, key.get());
            return true;
        } catch (SealBrokenException e) {
            return false;
        } finally {
            key.get().destroy();
        }
    }

    /** The confirmed key (matching a pending one first); empty when none is held. */
    Optional<RequestKey> confirmedKey(String requestId) {
        Optional<RequestKey> key = store.confirmedKey(requestId, Purpose.CASE_DETAILS);
        if (key.isPresent()) {
            return key;
        }
        return match(requestId) == Match.CONFIRMED ? store.confirmedKey(requestId, Purpose.CASE_DETAILS)
                : Optional.empty();
    }

    /** The plain case details, for this node's own use (the target selecting the records to deliver). */
    CaseDetails open(String requestId) {
        RequestKey key = confirmedKey(requestId).orElseThrow(() -> new RetryLater("the case-details key of request "
                + requestId + " has not arrived from the requesting force's node yet"));
        try {
            return DetailsSealing.open(requestId, ledger.getPrivateDetails(requestId), key);
        } finally {
            key.destroy();
        }
    }

    /**
     * The requester's side: hands its confirmed key to the target's node. Done once; the target's
     * acknowledgement (it stored the key) is recorded, so a restart does not resend it.
     */
    void shareWithTarget(String requestId) {
        Optional<Entry> unshared = caseDetails(requestId).stream()
                .filter(e -> e.state() == State.CONFIRMED && e.givenBy().equals(mspId) && !e.sharedWithTarget())
                .findFirst();
        if (unshared.isEmpty()) {
            return;
        }
        ExchangeRequest request = ledger.getRequest(requestId);
        if (!request.requesterOrg().equals(mspId) || request.status() == Status.DESTROYED) {
            return;
        }
        RequestKey key = store.key(unshared.get()).orElseThrow();
        try {
            sender.share(directory.endpoint(request.targetOrg()), request.targetOrg(), requestId, key);
        } finally {
            key.destroy();
        }
        update(unshared.get().shared());
        LOG.info(() -> "case-details key of request " + requestId + " handed to the node of " + request.targetOrg());
    }

    /** The request is destroyed: every key of it goes (case details and received data). */
    void eraseAll(String requestId) {
        try {
            if (store.erase(requestId)) {
                LOG.info(() -> "every key of request " + requestId + " erased (key store generation "
                        + store.generation() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the keys of request " + requestId + " could not be erased", e);
        }
        listener.keysErased(requestId);
    }

    /**
     * Whether any case-details key of the request is held, matched or not: the node acts (delivers,
     * receives) only for requests whose key it holds, which every request of its force and every
     * request to it has, and which tells it apart from other nodes' requests on a shared ledger.
     */
    boolean holds(String requestId) {
        return !caseDetails(requestId).isEmpty();
    }

    /** Requests with any key held, for the start-up sweep. */
    List<String> requestsWithKeys() {
        return store.entries().stream().map(Entry::requestId).distinct().toList();
    }

    private List<Entry> caseDetails(String requestId) {
        return store.entries(requestId).stream().filter(e -> e.purpose() == Purpose.CASE_DETAILS).toList();
    }

    private boolean erase(Entry entry) {
        try {
            return store.erase(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("a key of request " + entry.requestId() + " could not be erased", e);
        }
    }

    private void update(Entry entry) {
        try {
            store.update(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("the key store cannot be written", e);
        }
    }
}
