package org.gbx.client.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;

/**
 * Real blocks 0-6 of a gbx channel as the ordering service delivered them (Fabric 3.1.1, Raft):
 * the genesis config block and chaincode-definition approvals signed by the three organisations.
 * Orderer blocks carry no validation flags yet; {@link #markedValid} adds them as a peer would.
 */
public final class OrderedBlocks implements BlockSource {

    public static final int COUNT = 7;

    private final List<byte[]> blocks;

    private OrderedBlocks(List<byte[]> blocks) {
        this.blocks = blocks;
    }

    public static OrderedBlocks load() {
        List<byte[]> blocks = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            try (InputStream in = OrderedBlocks.class.getResourceAsStream("ordered-blocks/" + n + ".block")) {
                blocks.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new OrderedBlocks(blocks);
    }

    /** The same chain with every transaction flagged VALID, as a committing peer would store it. */
    public OrderedBlocks markedValid() {
        return withEach(block -> {
            Block.Builder builder = block.toBuilder();
            while (builder.getMetadata().getMetadataCount() <= BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE) {
                builder.getMetadataBuilder().addMetadata(ByteString.EMPTY);
            }
            builder.getMetadataBuilder().setMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE,
                    ByteString.copyFrom(new byte[block.getData().getDataCount()]));
            return builder.build();
        });
    }

    /** A copy in which block {@code number} is changed by {@code change} (its bytes re-serialised). */
    public OrderedBlocks withBlock(int number, UnaryOperator<Block> change) {
        List<byte[]> copy = new ArrayList<>(blocks);
        copy.set(number, change.apply(parse(blocks.get(number))).toByteArray());
        return new OrderedBlocks(copy);
    }

    /** A copy in which one byte of block {@code number}'s stored bytes is flipped. */
    OrderedBlocks withByteFlipped(int number, int offset) {
        List<byte[]> copy = new ArrayList<>(blocks);
        byte[] altered = blocks.get(number).clone();
        altered[offset] ^= 0x01;
        copy.set(number, altered);
        return new OrderedBlocks(copy);
    }

    /** The first {@code height} blocks only, as a source that has not yet received the rest. */
    public OrderedBlocks firstBlocks(int height) {
        return new OrderedBlocks(blocks.subList(0, height));
    }

    Block parsed(int number) {
        return parse(blocks.get(number));
    }

    byte[] bytes(int number) {
        return blocks.get(number);
    }

    private OrderedBlocks withEach(UnaryOperator<Block> change) {
        return new OrderedBlocks(blocks.stream().map(b -> change.apply(parse(b)).toByteArray()).toList());
    }

    private static Block parse(byte[] bytes) {
        try {
            return Block.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long height() {
        return blocks.size();
    }

    @Override
    public byte[] block(long number) {
        if (number >= blocks.size()) {
            throw new BlockSourceException("block " + number + " is not in the fixture");
        }
        return blocks.get((int) number);
    }

    @Override
    public String description() {
        return "ordered-blocks fixture";
    }
}
