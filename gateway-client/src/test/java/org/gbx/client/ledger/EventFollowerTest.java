package org.gbx.client.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFollowerTest {

    @TempDir
    Path dir;

    /** A network whose event streams replay scripted events; a null entry breaks the stream. */
    private static final class FakeNetwork {
        final Deque<List<ChaincodeEvent>> streams = new ArrayDeque<>();
        final List<Checkpoint> checkpointsAskedFrom = new ArrayList<>();

        Network network() {
            return proxy(Network.class, (self, method, args) -> {
                if (!method.getName().equals("newChaincodeEventsRequest")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                return builder();
            });
        }

        private ChaincodeEventsRequest.Builder builder() {
            return proxy(ChaincodeEventsRequest.Builder.class, (self, method, args) -> switch (method.getName()) {
                case "startBlock" -> self;
                case "checkpoint" -> {
                    Checkpoint c = (Checkpoint) args[0];
                    checkpointsAskedFrom.add(new Snapshot(c.getBlockNumber(), c.getTransactionId()));
                    yield self;
                }
                case "build" -> proxy(ChaincodeEventsRequest.class, (r, m, a) -> iterator(streams.removeFirst()));
                default -> throw new UnsupportedOperationException(method.getName());
            });
        }

        private static CloseableIterator<ChaincodeEvent> iterator(List<ChaincodeEvent> events) {
            Iterator<ChaincodeEvent> it = events.iterator();
            return new CloseableIterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public ChaincodeEvent next() {
                    ChaincodeEvent next = it.next();
                    if (next == null) {
                        throw new GatewayRuntimeException(Status.UNAVAILABLE.asRuntimeException());
                    }
                    return next;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private record Snapshot(OptionalLong blockNumber, java.util.Optional<String> transactionId) implements Checkpoint {
        @Override
        public OptionalLong getBlockNumber() {
            return blockNumber;
        }

        @Override
        public java.util.Optional<String> getTransactionId() {
            return transactionId;
        }
    }

    private static ChaincodeEvent event(long block, String txId) {
        return proxy(ChaincodeEvent.class, (self, method, args) -> switch (method.getName()) {
            case "getBlockNumber" -> block;
            case "getTransactionId" -> txId;
            case "getChaincodeName" -> "exchange";
            case "getEventName" -> "Ping";
            case "getPayload" -> ("{\"pingId\":\"" + txId + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    @Test
    void a_restarted_follower_asks_for_events_after_the_last_one_it_handed_over() throws Exception {
        Path checkpoint = dir.resolve("watch.checkpoint");
        FakeNetwork fake = new FakeNetwork();
        List<String> shown = new ArrayList<>();
        fake.streams.add(List.of(event(5, "tx-a"), event(6, "tx-b")));
        try (EventFollower first = new EventFollower(fake.network(), "exchange", checkpoint, OptionalLong.of(5))) {
            first.follow(e -> {
                shown.add(e.transactionId());
                if (shown.size() == 2) {
                    first.stop();
                }
            });
        }

        fake.streams.add(List.of(event(7, "tx-c")));
        try (EventFollower second = new EventFollower(fake.network(), "exchange", checkpoint, OptionalLong.of(5))) {
            second.follow(e -> second.stop());
        }

        assertThat(shown).containsExactly("tx-a", "tx-b");
        assertThat(fake.checkpointsAskedFrom.get(1).getBlockNumber()).hasValue(6);
        assertThat(fake.checkpointsAskedFrom.get(1).getTransactionId()).contains("tx-b");
    }

    @Test
    void stopping_mid_stream_hands_over_nothing_more() throws Exception {
        FakeNetwork fake = new FakeNetwork();
        fake.streams.add(List.of(event(5, "tx-a"), event(5, "tx-b"), event(6, "tx-c")));
        List<String> shown = new ArrayList<>();
        try (EventFollower follower = new EventFollower(fake.network(), "exchange", dir.resolve("c"),
                OptionalLong.empty())) {
            follower.follow(e -> {
                shown.add(e.transactionId());
                follower.stop();
            });
        }

        assertThat(shown).containsExactly("tx-a");
    }

    @Test
    void a_broken_stream_is_resumed_from_the_checkpoint() throws Exception {
        FakeNetwork fake = new FakeNetwork();
        List<ChaincodeEvent> broken = new ArrayList<>();
        broken.add(event(7, "tx-a"));
        broken.add(null);
        fake.streams.add(broken);
        fake.streams.add(List.of(event(8, "tx-b")));
        List<String> shown = new ArrayList<>();
        try (EventFollower follower = new EventFollower(fake.network(), "exchange", dir.resolve("c"),
                OptionalLong.empty())) {
            follower.follow(e -> {
                shown.add(e.transactionId());
                if (shown.size() == 2) {
                    follower.stop();
                }
            });
        }

        assertThat(shown).containsExactly("tx-a", "tx-b");
        assertThat(fake.checkpointsAskedFrom.get(1).getTransactionId()).contains("tx-a");
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(EventFollowerTest.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
