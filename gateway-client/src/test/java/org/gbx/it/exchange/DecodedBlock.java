package org.gbx.it.exchange;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;

/**
 * One block of the channel taken apart down to what a reader of the ledger could see: each
 * transaction's chaincode arguments and transient map, the public keys and values it wrote, the
 * private-data hashes, its chaincode event and response; and, as a catch-all for anything not
 * decoded (headers, certificates, config), the whole block's bytes read as UTF-8.
 */
record DecodedBlock(long number, List<String> transactionIds, List<String> texts, int writes, int events) {

    static DecodedBlock decode(long number, byte[] bytes) throws InvalidProtocolBufferException {
        List<String> transactionIds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        texts.add(new String(bytes, StandardCharsets.UTF_8));
        int writes = 0;
        int events = 0;
        for (ByteString data : Block.parseFrom(bytes).getData().getDataList()) {
            Payload payload = Payload.parseFrom(Envelope.parseFrom(data).getPayload());
            ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            if (header.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                continue; // config blocks: covered by the raw text
            }
            transactionIds.add(header.getTxId());
            for (TransactionAction action : Transaction.parseFrom(payload.getData()).getActionsList()) {
                ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
                ChaincodeProposalPayload proposal = ChaincodeProposalPayload.parseFrom(
                        actionPayload.getChaincodeProposalPayload());
                ChaincodeInvocationSpec.parseFrom(proposal.getInput()).getChaincodeSpec().getInput().getArgsList()
                        .forEach(arg -> texts.add(arg.toStringUtf8()));
                proposal.getTransientMapMap().values().forEach(value -> texts.add(value.toStringUtf8()));
                ChaincodeAction result = ChaincodeAction.parseFrom(ProposalResponsePayload.parseFrom(
                        actionPayload.getAction().getProposalResponsePayload()).getExtension());
                texts.add(result.getResponse().getMessage());
                texts.add(result.getResponse().getPayload().toStringUtf8());
                for (NsReadWriteSet namespace : TxReadWriteSet.parseFrom(result.getResults()).getNsRwsetList()) {
                    for (KVWrite write : KVRWSet.parseFrom(namespace.getRwset()).getWritesList()) {
                        texts.add(write.getKey());
                        texts.add(write.getValue().toStringUtf8());
                        writes++;
                    }
                    namespace.getCollectionHashedRwsetList().forEach(c -> texts.add(c.getCollectionName()
                            + c.getHashedRwset().toStringUtf8()));
                }
                if (!result.getEvents().isEmpty()) {
                    ChaincodeEvent event = ChaincodeEvent.parseFrom(result.getEvents());
                    texts.add(event.getEventName());
                    texts.add(event.getPayload().toStringUtf8());
                    events++;
                }
            }
        }
        return new DecodedBlock(number, transactionIds, texts, writes, events);
    }
}
