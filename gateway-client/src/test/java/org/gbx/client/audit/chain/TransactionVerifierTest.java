package org.gbx.client.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.junit.jupiter.api.Test;

class TransactionVerifierTest {

    private static final int TRANSACTIONS = 60;
    private static final int CONFIG_AT = 40;

    private final OrderedBlocks blocks = OrderedBlocks.load().markedValid();

    /**
     * A block of the fixture's six endorser transactions over and over, with every seventh creator
     * signature forged and the genesis config transaction in the middle: the transactions are
     * checked in parallel, yet come back, with their problems, in the block's order.
     */
    @Test
    void the_transactions_of_a_block_and_their_problems_come_back_in_the_blocks_order() {
        List<ByteString> envelopes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Tuple> expectedProblems = new ArrayList<>();
        for (int index = 0; index < TRANSACTIONS; index++) {
            int source = index == CONFIG_AT ? 0 : 1 + index % 6;
            ByteString envelope = blocks.parsed(source).getData().getData(0);
            String id = transactionId(envelope);
            if (index == CONFIG_AT) {
                // Unsigned, as configtxgen writes it: outside the genesis block its creator is unknown.
                expectedProblems.add(tuple(id, ProblemKind.CREATOR_SIGNATURE_INVALID));
            } else if (index % 7 == 3) {
                envelope = withCreatorSignatureForged(envelope);
                expectedProblems.add(tuple(id, ProblemKind.CREATOR_SIGNATURE_INVALID));
            }
            envelopes.add(envelope);
            ids.add(id);
        }

        TransactionVerifier.Outcome outcome = new TransactionVerifier().verify(7, blockOf(7, envelopes),
                genesisTrust());

        assertThat(outcome.transactions()).extracting(LedgerTransaction::index)
                .containsExactlyElementsOf(IntStream.range(0, TRANSACTIONS).boxed().toList());
        assertThat(outcome.transactions()).extracting(LedgerTransaction::transactionId).containsExactlyElementsOf(ids);
        assertThat(outcome.problems()).extracting(VerificationProblem::transactionId, VerificationProblem::kind)
                .containsExactlyElementsOf(expectedProblems);
        assertThat(outcome.newTrust()).hasValueSatisfying(trust -> assertThat(trust.configBlock()).isEqualTo(7));
    }

    private Optional<ChannelTrust> genesisTrust() {
        return new BlockVerifier().verify(0, blocks.bytes(0), Optional.empty(), Optional.empty()).newTrust();
    }

    private static Block blockOf(long number, List<ByteString> envelopes) {
        Block.Builder builder = Block.newBuilder().setData(BlockData.newBuilder().addAllData(envelopes));
        builder.getHeaderBuilder().setNumber(number);
        for (int index = 0; index <= BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE; index++) {
            builder.getMetadataBuilder().addMetadata(ByteString.EMPTY);
        }
        builder.getMetadataBuilder().setMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE,
                ByteString.copyFrom(new byte[envelopes.size()]));
        return builder.build();
    }

    private static String transactionId(ByteString envelope) {
        try {
            Payload payload = Payload.parseFrom(Envelope.parseFrom(envelope).getPayload());
            return ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ByteString withCreatorSignatureForged(ByteString bytes) {
        try {
            Envelope envelope = Envelope.parseFrom(bytes);
            byte[] signature = envelope.getSignature().toByteArray();
            signature[signature.length - 1] ^= 0x01;
            return envelope.toBuilder().setSignature(ByteString.copyFrom(signature)).build().toByteString();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
