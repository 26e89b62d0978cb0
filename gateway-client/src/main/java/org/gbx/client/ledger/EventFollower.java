package org.gbx.client.ledger;

import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;
import java.util.OptionalLong;
import org.gbx.client.connection.LedgerConnection;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;

/**
 * Follows the contract's events from a durable file checkpoint, so that across a crash and a
 * restart each event is handed to the sink once: an event is checkpointed right after the sink
 * took it, and both happen under one lock that {@link #stop()} also takes, so a shutdown (SIGTERM)
 * never falls between them. A broken stream is resumed from the checkpoint, a bounded number of
 * times in a row.
 */
public final class EventFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventFollower.class.getName());

    /** Takes each event; called with the follower's lock held. */
    public interface EventSink {
        void accept(LedgerEvent event) throws IOException;
    }

    private static final int MAX_RECONNECTS_IN_A_ROW = 10;

    private final Network network;
    private final String chaincode;
    private final FileCheckpointer checkpointer;
    private final OptionalLong startBlock;
    private final Object lock = new Object();
    private boolean stopped;
    private CloseableIterator<ChaincodeEvent> current;

    /**
     * @param startBlock where to begin when the checkpoint file is new; ignored once it has a position
     */
    public EventFollower(Network network, String chaincode, Path checkpointFile, OptionalLong startBlock)
            throws IOException {
        this.network = network;
        this.chaincode = chaincode;
        this.checkpointer = new FileCheckpointer(checkpointFile);
        this.startBlock = startBlock;
    }

    /** Follows the chaincode of {@code connection}'s network, checkpointing to {@code checkpointFile}. */
    public static EventFollower open(LedgerConnection connection, Path checkpointFile, OptionalLong startBlock)
            throws IOException {
        return new EventFollower(connection.network(), connection.config().chaincode(), checkpointFile, startBlock);
    }

    /** Blocks, handing events to {@code sink}, until {@link #stop()} or the ledger stays unreachable. */
    public void follow(EventSink sink) {
        int failuresInARow = 0;
        while (!isStopped()) {
            Status ended = Status.UNAVAILABLE.withDescription("the peer ended the event stream");
            try (CloseableIterator<ChaincodeEvent> events = open()) {
                while (events.hasNext()) {
                    deliver(sink, events.next());
                    failuresInARow = 0;
                }
            } catch (GatewayRuntimeException e) {
                ended = e.getStatus();
            }
            if (isStopped()) {
                return;
            }
            // A stream only ends when broken: resume from the checkpoint, a bounded number of times in a row.
            failuresInARow++;
            if (failuresInARow >= MAX_RECONNECTS_IN_A_ROW) {
                throw new LedgerUnavailableException("ChaincodeEvents", LedgerUnavailableException.Step.EVENTS,
                        ended.getCode(), null, null);
            }
            pauseBeforeReconnect(failuresInARow, ended);
        }
    }

    /**
     * {@link #follow} for a long-running node: when the ledger stays unreachable it waits
     * {@code pause} and starts again from the checkpoint, until {@link #stop()} or an interrupt.
     */
    public void followUntilStopped(EventSink sink, Duration pause) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                follow(sink);
                return;
            } catch (LedgerException e) {
                LOG.warning("lost the ledger's event stream (" + e.getMessage() + "); reconnecting from the checkpoint");
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private CloseableIterator<ChaincodeEvent> open() {
        ChaincodeEventsRequest.Builder request = network.newChaincodeEventsRequest(chaincode);
        startBlock.ifPresent(request::startBlock);
        synchronized (lock) {
            current = request.checkpoint(checkpointer).build().getEvents();
            return current;
        }
    }

    private void deliver(EventSink sink, ChaincodeEvent event) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            try {
                sink.accept(LedgerEvent.of(event));
                checkpointer.checkpointChaincodeEvent(event);
                checkpointer.sync();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    private static void pauseBeforeReconnect(int failuresInARow, Status status) {
        try {
            Thread.sleep(Duration.ofSeconds(Math.min(failuresInARow, 5)).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reconnecting after " + status.getCode(), e);
        }
    }

    /** Stops following; safe from a shutdown hook. Waits for an event being handed over to be checkpointed. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (current != null) {
                current.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        synchronized (lock) {
            checkpointer.close();
        }
    }
}
