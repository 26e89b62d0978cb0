package org.gbx.client.audit.chain;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.common.BlockchainInfo;

/**
 * Reads blocks from one peer through its query system chaincode ({@code qscc}), evaluated on
 * that peer only. This is the ledger's own block store, not the exchange contract, so it is
 * read here rather than through the {@code ExchangeLedger} facade.
 */
public final class PeerBlockSource implements BlockSource {

    private final Contract qscc;
    private final String channel;
    private final String description;
    private final Duration deadline;

    public PeerBlockSource(Network network, String description, Duration deadline) {
        this.qscc = network.getContract("qscc");
        this.channel = network.getName();
        this.description = description;
        this.deadline = deadline;
    }

    @Override
    public long height() {
        byte[] answer = evaluate("GetChainInfo", channel);
        try {
            return BlockchainInfo.parseFrom(answer).getHeight();
        } catch (InvalidProtocolBufferException e) {
            throw new BlockSourceException(description + " answered GetChainInfo with an unreadable reply", e);
        }
    }

    @Override
    public byte[] block(long number) {
        return evaluate("GetBlockByNumber", channel, Long.toString(number));
    }

    /** The block holding a transaction (qscc {@code GetBlockByTxID}), e.g. for an evidence bundle. */
    public byte[] blockOfTransaction(String transactionId) {
        return evaluate("GetBlockByTxID", channel, transactionId);
    }

    @Override
    public String description() {
        return description;
    }

    private byte[] evaluate(String function, String... arguments) {
        try {
            return qscc.newProposal(function).addArguments(arguments).build()
                    .evaluate(CallOption.deadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (GatewayException e) {
            throw new BlockSourceException(description + " did not answer " + function + " within "
                    + deadline.toSeconds() + " s: " + e.getStatus().getCode(), e);
        }
    }
}
