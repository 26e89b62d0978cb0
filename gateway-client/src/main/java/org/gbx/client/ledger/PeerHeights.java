package org.gbx.client.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.concurrent.TimeUnit;
import org.gbx.client.connection.Deadlines;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;

/**
 * How far each organisation's peer has got: its ledger height, asked of that peer alone (the
 * query system chaincode, evaluated on a peer of that organisation only).
 */
interface PeerHeights {

    /** The number of blocks the peer of {@code mspId} has committed. */
    long of(String mspId);

    /**
     * Blocks until the caller's own peer (the one this connection talks to), which holds
     * {@code from} blocks, holds at least {@code height}, or the deadline passes; answers the height
     * it reached. Event-driven: it follows the peer's own block stream from its next block.
     */
    long awaitOwn(long from, long height, long deadlineNanos);

    /** The peers of a connection's network, through its Gateway. */
    static PeerHeights of(Network network, Deadlines deadlines) {
        Contract qscc = network.getContract("qscc");
        return new PeerHeights() {
            @Override
            public long of(String mspId) {
                try {
                    byte[] answer = qscc.newProposal("GetChainInfo").addArguments(network.getName())
                            .setEndorsingOrganizations(mspId).build().evaluate(deadlines.evaluateOption());
                    return BlockchainInfo.parseFrom(answer).getHeight();
                } catch (GatewayException e) {
                    throw FailureTranslator.translate("GetChainInfo", LedgerUnavailableException.Step.EVALUATE, null, e);
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException("the peer of " + mspId + " answered GetChainInfo unreadably", e);
                }
            }

            @Override
            public long awaitOwn(long from, long height, long deadlineNanos) {
                long millis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
                long reached = from;
                // From the peer's own next block: a start beyond its height would be answered "not found".
                try (CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(from).build()
                        .getEvents(CallOption.deadlineAfter(millis, TimeUnit.MILLISECONDS))) {
                    while (reached < height && blocks.hasNext()) {
                        reached = blocks.next().getHeader().getNumber() + 1;
                    }
                } catch (GatewayRuntimeException | java.util.NoSuchElementException e) {
                    // the deadline passed or the stream ended: the caller asks the height once more
                }
                return reached;
            }
        };
    }
}
