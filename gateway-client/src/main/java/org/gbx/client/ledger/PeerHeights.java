package org.gbx.client.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Iterator;
import org.gbx.client.connection.Deadlines;
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
     * Blocks until the caller's own peer (the one this connection talks to) holds at least
     * {@code height} blocks, or the deadline passes; answers the height it reached. Event-driven:
     * it follows the peer's own block stream.
     */
    long awaitOwn(long height, long deadlineNanos);

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
            public long awaitOwn(long height, long deadlineNanos) {
                long millis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
                try (CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(height - 1).build()
                        .getEvents(org.hyperledger.fabric.client.CallOption.deadlineAfter(millis,
                                java.util.concurrent.TimeUnit.MILLISECONDS))) {
                    Iterator<Block> stream = blocks;
                    if (stream.hasNext()) {
                        return stream.next().getHeader().getNumber() + 1;
                    }
                } catch (GatewayRuntimeException e) {
                    // the deadline passed (or the stream broke): answer what the peer holds now
                }
                return height - 1;
            }
        };
    }
}
