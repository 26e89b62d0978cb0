package org.gbx.it.ledger;

import static org.gbx.it.TestNetwork.MACAU_LIAISON;
import static org.gbx.it.TestNetwork.OVERSIGHT_AUDITOR;
import static org.gbx.it.TestNetwork.ZHUHAI_APPROVER;
import static org.gbx.it.TestNetwork.ZHUHAI_LIAISON;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gbx.client.crypto.DetailsSealing;
import org.gbx.it.Await;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.DataCategory;
import org.gbx.client.model.DeliveryManifest;
import org.gbx.client.model.DestructionMethod;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.GrantTerms;
import org.gbx.client.model.Status;
import org.gbx.it.TestNetwork;
import org.gbx.it.TestNetwork.User;

/**
 * A Macau-to-Zhuhai request moved through its lifecycle by the officers whose step it is. Each
 * step returns only once all three peers show its result, so the next step, endorsed or read on
 * any peer, sees it too.
 */
final class ExchangeSteps {

    static final String PACKAGE_HASH = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";
    static final String MERKLE_ROOT = "b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78";
    static final List<DataCategory> GRANTED = List.of(DataCategory.IDENTITY, DataCategory.BORDER_CROSSINGS);
    private static final List<User> EVERY_PEER = List.of(MACAU_LIAISON, ZHUHAI_LIAISON, OVERSIGHT_AUDITOR);

    private final Officers officers;
    private final Map<String, DetailsSealing.Sealing> sealings = new ConcurrentHashMap<>();

    ExchangeSteps(Officers officers) {
        this.officers = officers;
    }

    /** Macau's liaison asks Zhuhai, with the synthetic case details; returns the new request's id. */
    String newRequest() {
        String id = TestNetwork.uniqueId("it-ledger");
        create(id);
        return id;
    }

    /** Creates the request with the synthetic case details sealed as gbx seals them (see {@link #sealingOf}). */
    Submitted<ExchangeRequest> create(String id) {
        DetailsSealing.Sealing sealing = DetailsSealing.seal(id, SyntheticCase.DETAILS);
        sealings.put(id, sealing);
        return settled(id, officers.ledger(MACAU_LIAISON)
                .createRequest(id, SyntheticCase.TERMS_FOR_ZHUHAI, sealing.sealed()));
    }

    /** The sealed details and the key of a request this class created: the key only the forces' nodes would keep. */
    DetailsSealing.Sealing sealingOf(String id) {
        return sealings.get(id);
    }

    /** Zhuhai's approver grants identity and crossings (not vehicles): a partial approval. */
    Submitted<ExchangeRequest> approve(String id) {
        return settled(id, officers.ledger(ZHUHAI_APPROVER).approveRequest(id, grant()));
    }

    static GrantTerms grant() {
        Instant now = Instant.now();
        return new GrantTerms(GRANTED, now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(14)), 3,
                "H1: not for judicial proceedings without consent");
    }

    Submitted<ExchangeRequest> reject(String id) {
        return settled(id, officers.ledger(ZHUHAI_APPROVER).rejectRequest(id, "Outside the cooperation arrangement"));
    }

    Submitted<ExchangeRequest> deliver(String id) {
        return settled(id, officers.ledger(ZHUHAI_LIAISON).recordDelivery(id,
                new DeliveryManifest(PACKAGE_HASH, MERKLE_ROOT, 4, 18432, "B", 2, GRANTED)));
    }

    Submitted<ExchangeRequest> receive(String id) {
        return settled(id, officers.ledger(MACAU_LIAISON).recordReceipt(id, PACKAGE_HASH));
    }

    Submitted<?> access(String id) {
        Submitted<?> access = officers.ledger(MACAU_LIAISON).recordAccess(id, "Match crossings against the case file");
        awaitEverywhere(id, Status.ACCESSED);
        return access;
    }

    Submitted<ExchangeRequest> destroy(String id) {
        return settled(id, officers.ledger(MACAU_LIAISON).recordDestruction(id, DestructionMethod.SECURE_ERASE));
    }

    /** A request delivered by Zhuhai and received by Macau, ready to be accessed. */
    String receivedRequest() {
        String id = newRequest();
        approve(id);
        deliver(id);
        receive(id);
        return id;
    }

    private Submitted<ExchangeRequest> settled(String id, Submitted<ExchangeRequest> step) {
        awaitEverywhere(id, step.value().status());
        return step;
    }

    /** Waits until the peers of all three organisations show {@code id} in {@code status}. */
    void awaitEverywhere(String id, Status status) {
        for (User reader : EVERY_PEER) {
            Await.until(id + " " + status + " on the peer of " + reader.mspId(), () -> status.equals(statusOn(reader, id)));
        }
    }

    private Status statusOn(User reader, String id) {
        try {
            return officers.ledger(reader).getRequest(id).status();
        } catch (ChaincodeRefusalException notYetThere) {
            return null;
        }
    }
}
