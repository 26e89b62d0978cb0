package org.gbx.client.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.junit.jupiter.api.Test;

class BlockVerifierTest {

    private final OrderedBlocks blocks = OrderedBlocks.load().markedValid();

    @Test
    void real_ordered_blocks_verify_with_no_problem() {
        assertThat(walk(blocks)).isEmpty();
    }

    @Test
    void each_header_hash_is_the_next_blocks_previous_hash() {
        for (int n = 0; n + 1 < OrderedBlocks.COUNT; n++) {
            assertThat(BlockHashes.headerHash(blocks.parsed(n).getHeader()))
                    .isEqualTo(blocks.parsed(n + 1).getHeader().getPreviousHash().toByteArray());
        }
    }

    @Test
    void the_genesis_configuration_trusts_every_organisation_and_the_three_orderers() {
        BlockCheck genesis = new BlockVerifier().verify(0, blocks.bytes(0), Optional.empty(), Optional.empty());

        ChannelTrust trust = genesis.newTrust().orElseThrow();
        assertThat(trust.msps()).containsOnlyKeys("MacauPJMSP", "ZhuhaiPSBMSP", "OversightMSP");
        assertThat(trust.ordererMspIds()).containsExactlyInAnyOrder("MacauPJMSP", "ZhuhaiPSBMSP", "OversightMSP");
    }

    @Test
    void one_flipped_byte_inside_a_transaction_is_found_in_that_block_only() {
        byte[] stored = blocks.bytes(3);
        byte[] envelope = blocks.parsed(3).getData().getData(0).toByteArray();
        int offset = ByteSearch.indexOf(stored, envelope) + envelope.length / 2;

        List<VerificationProblem> problems = walk(blocks.withByteFlipped(3, offset));

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.block()).isEqualTo(3));
    }

    @Test
    void an_altered_data_hash_in_a_header_breaks_the_chain_at_the_next_block() {
        OrderedBlocks altered = blocks.withBlock(2, block -> {
            byte[] hash = block.getHeader().getDataHash().toByteArray();
            hash[0] ^= 0x01;
            return block.toBuilder().setHeader(block.getHeader().toBuilder().setDataHash(ByteString.copyFrom(hash)))
                    .build();
        });

        List<VerificationProblem> problems = walk(altered);

        assertThat(problems).extracting(VerificationProblem::block, VerificationProblem::kind).contains(
                org.assertj.core.groups.Tuple.tuple(2L, ProblemKind.DATA_HASH_MISMATCH),
                org.assertj.core.groups.Tuple.tuple(2L, ProblemKind.ORDERER_SIGNATURE_MISSING),
                org.assertj.core.groups.Tuple.tuple(3L, ProblemKind.BROKEN_CHAIN));
    }

    @Test
    void a_forged_orderer_signature_is_named() {
        OrderedBlocks forged = blocks.withBlock(4, block -> withMetadata(block, BlockMetadataIndex.SIGNATURES_VALUE,
                signatures -> {
                    Metadata.Builder builder = signatures.toBuilder();
                    byte[] signature = signatures.getSignatures(0).getSignature().toByteArray();
                    signature[signature.length - 1] ^= 0x01;
                    builder.setSignatures(0, signatures.getSignatures(0).toBuilder()
                            .setSignature(ByteString.copyFrom(signature)));
                    return builder.build();
                }));

        assertThat(walk(forged)).extracting(VerificationProblem::kind)
                .contains(ProblemKind.ORDERER_SIGNATURE_INVALID, ProblemKind.ORDERER_SIGNATURE_MISSING);
    }

    @Test
    void an_altered_endorsement_signature_on_a_valid_transaction_is_named_with_its_id() {
        OrderedBlocks altered = blocks.withBlock(1, block -> withFirstEnvelope(block, envelope -> {
            Payload payload = parse(() -> Payload.parseFrom(envelope.getPayload()));
            Transaction transaction = parse(() -> Transaction.parseFrom(payload.getData()));
            ChaincodeActionPayload action = parse(() -> ChaincodeActionPayload.parseFrom(
                    transaction.getActions(0).getPayload()));
            byte[] signature = action.getAction().getEndorsements(0).getSignature().toByteArray();
            signature[signature.length - 1] ^= 0x01;
            ChaincodeActionPayload forged = action.toBuilder().setAction(action.getAction().toBuilder()
                    .setEndorsements(0, action.getAction().getEndorsements(0).toBuilder()
                            .setSignature(ByteString.copyFrom(signature)))).build();
            Transaction changed = transaction.toBuilder().setActions(0,
                    transaction.getActions(0).toBuilder().setPayload(forged.toByteString())).build();
            return envelope.toBuilder().setPayload(payload.toBuilder().setData(changed.toByteString()).build()
                    .toByteString()).build();
        }));

        assertThat(walk(altered)).extracting(VerificationProblem::kind)
                .contains(ProblemKind.ENDORSEMENT_INVALID, ProblemKind.CREATOR_SIGNATURE_INVALID);
    }

    @Test
    void a_transaction_the_peers_marked_invalid_is_kept_but_not_held_against_the_ledger() {
        OrderedBlocks flaggedInvalid = blocks.withBlock(1, block -> {
            Block.Builder builder = block.toBuilder();
            byte[] flags = new byte[block.getData().getDataCount()];
            flags[0] = 11; // MVCC_READ_CONFLICT
            builder.getMetadataBuilder().setMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE,
                    ByteString.copyFrom(flags));
            return builder.build();
        });

        BlockCheck check = new BlockVerifier().verify(1, flaggedInvalid.bytes(1),
                Optional.of(BlockHashes.headerHash(blocks.parsed(0).getHeader())), genesisTrust());

        assertThat(check.problems()).isEmpty();
        assertThat(check.transactions().get(0).validationCode()).isEqualTo("MVCC_READ_CONFLICT");
        assertThat(check.transactions().get(0).writes()).isEmpty();
    }

    @Test
    void header_bytes_are_the_der_sequence_of_number_previous_hash_and_data_hash() {
        Block block = blocks.parsed(1);
        String der = HexFormat.of().formatHex(BlockHashes.headerBytes(block.getHeader()));

        assertThat(der).startsWith("30").contains("020101" + "0420"
                + HexFormat.of().formatHex(block.getHeader().getPreviousHash().toByteArray()) + "0420");
    }

    private Optional<ChannelTrust> genesisTrust() {
        return new BlockVerifier().verify(0, blocks.bytes(0), Optional.empty(), Optional.empty()).newTrust();
    }

    private static List<VerificationProblem> walk(BlockSource source) {
        List<VerificationProblem> problems = new ArrayList<>();
        new ChainWalker().walk(source, ChainPosition.genesis(), source.height(),
                (check, next) -> problems.addAll(check.problems()));
        return problems;
    }

    private static Block withMetadata(Block block, int index, java.util.function.UnaryOperator<Metadata> change) {
        Metadata metadata = parse(() -> Metadata.parseFrom(block.getMetadata().getMetadata(index)));
        Block.Builder builder = block.toBuilder();
        builder.getMetadataBuilder().setMetadata(index, change.apply(metadata).toByteString());
        return builder.build();
    }

    private static Block withFirstEnvelope(Block block, java.util.function.UnaryOperator<Envelope> change) {
        Envelope envelope = parse(() -> Envelope.parseFrom(block.getData().getData(0)));
        Block.Builder builder = block.toBuilder();
        builder.getDataBuilder().setData(0, change.apply(envelope).toByteString());
        return builder.build();
    }

    private interface Parse<T> {
        T get() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.get();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
