package org.gbx.it.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.it.TestNetwork.OVERSIGHT_AUDITOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.it.Await;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.it.TestNetwork;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each step of a request's lifecycle emits one event, and a listener sees them in commit order. */
class LifecycleEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EVENT_PATIENCE_SECONDS = Await.PATIENCE.toSeconds();
    private static final Officers OFFICERS = new Officers();
    private static final ExchangeSteps STEPS = new ExchangeSteps(OFFICERS);

    @AfterAll
    static void close() {
        OFFICERS.close();
    }

    /** One chaincode event of the request under test, as the committee's listener saw it. */
    private record SeenEvent(String name, String status, String transactionId, long blockNumber, String payload) {
    }

    @Test
    void the_committee_receives_every_transition_of_a_request_in_order_without_personal_data() throws IOException {
        Submitted<ExchangeRequest> created = STEPS.create(TestNetwork.uniqueId("it-events"));
        String id = created.value().requestId();
        List<String> transactions = new ArrayList<>(List.of(created.receipt().transactionId(),
                STEPS.approve(id).receipt().transactionId(),
                STEPS.deliver(id).receipt().transactionId(),
                STEPS.receive(id).receipt().transactionId(),
                STEPS.access(id).receipt().transactionId(),
                STEPS.destroy(id).receipt().transactionId()));

        List<SeenEvent> seen = eventsOf(id, created.receipt().blockNumber() - 1, transactions.size());

        assertThat(seen).extracting(SeenEvent::name).containsExactly("RequestCreated", "RequestApproved",
                "DeliveryRecorded", "ReceiptRecorded", "AccessRecorded", "DestructionRecorded");
        assertThat(seen).extracting(SeenEvent::status).containsExactly("PENDING", "PARTIALLY_APPROVED", "DELIVERED",
                "RECEIVED", "ACCESSED", "DESTROYED");
        assertThat(seen).extracting(SeenEvent::transactionId).containsExactlyElementsOf(transactions);
        assertThat(seen).extracting(SeenEvent::blockNumber).isSorted();
        assertThat(seen).allSatisfy(event -> assertThat(SyntheticCase.personalDataIn(event.payload()))
                .as("personal data in %s", event.name()).isEmpty());
    }

    /**
     * The events of request {@code id} from {@code startBlock} on, until {@code expected} arrived or
     * the deadline passed (then the assertions show what is missing).
     */
    private static List<SeenEvent> eventsOf(String id, long startBlock, int expected) throws IOException {
        LedgerConnection committee = OFFICERS.connection(OVERSIGHT_AUDITOR);
        List<SeenEvent> seen = new ArrayList<>();
        try (CloseableIterator<ChaincodeEvent> events = committee.network()
                .newChaincodeEventsRequest(committee.config().chaincode()).startBlock(startBlock).build()
                .getEvents(CallOption.deadlineAfter(EVENT_PATIENCE_SECONDS, TimeUnit.SECONDS))) {
            while (seen.size() < expected && events.hasNext()) {
                ChaincodeEvent event = events.next();
                JsonNode payload = JSON.readTree(event.getPayload());
                if (id.equals(payload.path("requestId").asText())) {
                    seen.add(new SeenEvent(event.getEventName(), payload.path("status").asText(),
                            event.getTransactionId(), event.getBlockNumber(),
                            new String(event.getPayload(), StandardCharsets.UTF_8)));
                }
            }
        } catch (GatewayRuntimeException deadlinePassed) {
            // bounded wait over: return what arrived
        }
        return seen;
    }
}
