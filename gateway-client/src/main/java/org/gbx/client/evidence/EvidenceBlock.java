package org.gbx.client.evidence;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gbx.client.audit.chain.BlockCheck;
import org.gbx.client.audit.chain.BlockVerifier;
import org.gbx.client.audit.chain.ChannelTrust;
import org.gbx.client.audit.chain.LedgerTransaction;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A block as an evidence bundle carries it. The orderers sign the header (and through the data hash
 * every transaction) but not what each peer adds to the metadata afterwards: the validation flags of
 * the other transactions and the commit hash. Those are reduced at export to fixed values (other
 * transactions NOT_VALIDATED, peer-only entries empty), so every byte of the bundled block is either
 * signed or fixed, and the verifier can refuse any change. Decoding and signature checks are the
 * audit's {@link BlockVerifier}.
 */
final class EvidenceBlock {
    private static final byte VALID = (byte) TxValidationCode.VALID_VALUE;
    private static final byte NOT_VALIDATED = (byte) TxValidationCode.NOT_VALIDATED_VALUE;

    /** The outcome of checking a bundled block: its decoded transaction (if found) and what is wrong. */
    record Reading(Optional<LedgerTransaction> transaction, List<Finding> problems) {
    }

    private EvidenceBlock() {
    }

    static byte[] reduce(byte[] raw, String transactionId) {
        Block block = parse(raw);
        int index = decode(block, raw, Optional.empty()).transactions().stream()
                .filter(tx -> tx.transactionId().equals(transactionId)).mapToInt(LedgerTransaction::index)
                .findFirst().orElseThrow(() -> new IllegalStateException("the peer's block lacks the transaction"));
        byte[] flags = new byte[block.getData().getDataCount()];
        java.util.Arrays.fill(flags, NOT_VALIDATED);
        flags[index] = block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).byteAt(index);
        BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
        for (int i = 0; i < block.getMetadata().getMetadataCount(); i++) {
            ByteString kept = i == BlockMetadataIndex.SIGNATURES_VALUE ? block.getMetadata().getMetadata(i)
                    : i == BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE ? ByteString.copyFrom(flags) : ByteString.EMPTY;
            metadata.addMetadata(kept);
        }
        return block.toBuilder().setMetadata(metadata).build().toByteArray();
    }

    static Reading read(byte[] bytes, String transactionId, ChannelTrust trust) {
        try {
            return check(bytes, transactionId, trust);
        } catch (RuntimeException e) {
            return new Reading(Optional.empty(), List.of(Finding.of(Finding.Form.BLOCK_UNREADABLE)));
        }
    }

    private static Reading check(byte[] bytes, String transactionId, ChannelTrust trust) {
        Block block;
        try {
            block = Block.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return new Reading(Optional.empty(), List.of(Finding.of(Finding.Form.BLOCK_UNREADABLE)));
        }
        List<Finding> problems = new ArrayList<>();
        if (!java.util.Arrays.equals(block.toByteArray(), bytes)) {
            problems.add(Finding.of(Finding.Form.BLOCK_EXTRA_BYTES));
        }
        BlockCheck check = decode(block, bytes, Optional.of(trust));
        check.problems().forEach(problem -> problems.add(Finding.of(Finding.Form.BLOCK_PROBLEM, problem.kind(),
                problem.block())));
        Optional<LedgerTransaction> transaction = check.transactions().stream()
                .filter(tx -> tx.transactionId().equals(transactionId)).findFirst();
        if (transaction.isEmpty()) {
            problems.add(Finding.of(Finding.Form.BLOCK_LACKS_TRANSACTION, transactionId));
        }
        checkReducedMetadata(block, transaction, problems);
        return new Reading(transaction, problems);
    }

    private static void checkReducedMetadata(Block block, Optional<LedgerTransaction> transaction,
            List<Finding> problems) {
        BlockMetadata metadata = block.getMetadata();
        ByteString flags = metadata.getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? metadata.getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE) : ByteString.EMPTY;
        if (flags.size() != block.getData().getDataCount()) {
            problems.add(Finding.of(Finding.Form.BLOCK_FLAGS_MISMATCH));
            return;
        }
        int own = transaction.map(LedgerTransaction::index).orElse(-1);
        for (int i = 0; i < flags.size(); i++) {
            byte expected = i == own ? VALID : NOT_VALIDATED;
            if (flags.byteAt(i) != expected) {
                problems.add(Finding.of(i == own ? Finding.Form.TRANSACTION_NOT_VALID : Finding.Form.OTHER_FLAG_CHANGED));
            }
        }
        for (int i = 0; i < metadata.getMetadataCount(); i++) {
            if (i != BlockMetadataIndex.SIGNATURES_VALUE && i != BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                    && !metadata.getMetadata(i).isEmpty()) {
                problems.add(Finding.of(Finding.Form.UNSIGNED_METADATA, i));
            }
        }
    }

    private static BlockCheck decode(Block block, byte[] bytes, Optional<ChannelTrust> trust) {
        return new BlockVerifier().verify(block.getHeader().getNumber(), bytes, Optional.empty(), trust);
    }

    private static Block parse(byte[] raw) {
        try {
            return Block.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the peer returned an unreadable block", e);
        }
    }
}
