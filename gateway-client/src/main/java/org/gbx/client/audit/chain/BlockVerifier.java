package org.gbx.client.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.SignatureHeader;

/**
 * Verifies one block on its own terms and against its predecessor: the header number and link,
 * the data hash, the ordering service's signatures, and (through {@link TransactionVerifier})
 * every transaction's creator and endorser signatures.
 */
public final class BlockVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final TransactionVerifier transactions = new TransactionVerifier();

    /**
     * @param previousHeaderHash header hash of block {@code expectedNumber - 1}; empty for block 0,
     *     or when that block could not be read (the link is then not checked)
     * @param trust the channel configuration in force for this block; empty only for block 0,
     *     whose own configuration is the trust anchor
     */
    public BlockCheck verify(long expectedNumber, byte[] bytes, Optional<byte[]> previousHeaderHash,
            Optional<ChannelTrust> trust) {
        Block block;
        try {
            block = Block.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return BlockCheck.unreadable(expectedNumber, "the bytes are not a Fabric block (" + e.getMessage() + ")");
        }
        try {
            return verify(expectedNumber, block, previousHeaderHash, trust);
        } catch (RuntimeException e) {
            // Damaged bytes can parse as protobuf yet hold values no honest block has.
            return BlockCheck.unreadable(expectedNumber, "the block holds malformed content (" + e + ")");
        }
    }

    private BlockCheck verify(long expectedNumber, Block block, Optional<byte[]> previousHeaderHash,
            Optional<ChannelTrust> trust) {
        List<VerificationProblem> problems = new ArrayList<>();
        long number = block.getHeader().getNumber();
        if (number != expectedNumber) {
            problems.add(VerificationProblem.inBlock(expectedNumber, ProblemKind.WRONG_NUMBER,
                    "the header says block " + number));
        }
        checkLink(expectedNumber, block, previousHeaderHash, problems);
        byte[] dataHash = BlockHashes.dataHash(block.getData());
        if (!Arrays.equals(dataHash, block.getHeader().getDataHash().toByteArray())) {
            problems.add(VerificationProblem.inBlock(expectedNumber, ProblemKind.DATA_HASH_MISMATCH,
                    "the transactions hash to " + HEX.formatHex(dataHash) + " but the header records "
                            + HEX.formatHex(block.getHeader().getDataHash().toByteArray())));
        }
        TransactionVerifier.Outcome decoded = transactions.verify(expectedNumber, block, trust);
        problems.addAll(decoded.problems());
        // The genesis block is made offline by configtxgen and carries no orderer signature; its
        // hash is the trust anchor the committee compares with the one agreed at channel creation.
        if (expectedNumber > 0 && trust.isPresent()) {
            checkOrdererSignatures(expectedNumber, block, trust.get(), problems);
        }
        return new BlockCheck(expectedNumber, Optional.of(BlockHashes.headerHash(block.getHeader())), problems,
                decoded.transactions(), decoded.newTrust());
    }

    private static void checkLink(long number, Block block, Optional<byte[]> previousHeaderHash,
            List<VerificationProblem> problems) {
        byte[] recorded = block.getHeader().getPreviousHash().toByteArray();
        if (number == 0) {
            if (recorded.length != 0) {
                problems.add(VerificationProblem.inBlock(0, ProblemKind.BROKEN_CHAIN,
                        "the genesis block names a previous block"));
            }
            return;
        }
        previousHeaderHash.filter(expected -> !Arrays.equals(expected, recorded)).ifPresent(expected ->
                problems.add(VerificationProblem.inBlock(number, ProblemKind.BROKEN_CHAIN,
                        "previous hash " + HEX.formatHex(recorded) + " is not block " + (number - 1)
                                + "'s header hash " + HEX.formatHex(expected))));
    }

    private static void checkOrdererSignatures(long number, Block block, ChannelTrust trust,
            List<VerificationProblem> problems) {
        Metadata metadata;
        try {
            metadata = Metadata.parseFrom(block.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
        } catch (InvalidProtocolBufferException | IndexOutOfBoundsException e) {
            problems.add(VerificationProblem.inBlock(number, ProblemKind.ORDERER_SIGNATURE_MISSING,
                    "the block metadata holds no readable signatures"));
            return;
        }
        byte[] headerBytes = BlockHashes.headerBytes(block.getHeader());
        int valid = 0;
        for (MetadataSignature signature : metadata.getSignaturesList()) {
            Optional<String> problem = checkOrdererSignature(metadata.getValue(), signature, headerBytes, trust);
            if (problem.isPresent()) {
                problems.add(VerificationProblem.inBlock(number, ProblemKind.ORDERER_SIGNATURE_INVALID, problem.get()));
            } else {
                valid++;
            }
        }
        if (valid == 0) {
            problems.add(VerificationProblem.inBlock(number, ProblemKind.ORDERER_SIGNATURE_MISSING,
                    "no valid signature of an ordering organisation (" + metadata.getSignaturesCount()
                            + " signatures present)"));
        }
    }

    /** Orderers sign metadata value || signature header || DER header bytes. */
    private static Optional<String> checkOrdererSignature(ByteString value, MetadataSignature signature,
            byte[] headerBytes, ChannelTrust trust) {
        if (signature.getSignatureHeader().isEmpty()) {
            return Optional.of("a signature identified only by consenter id (SmartBFT), which this version "
                    + "does not verify");
        }
        SignatureHeader header;
        try {
            header = SignatureHeader.parseFrom(signature.getSignatureHeader());
        } catch (InvalidProtocolBufferException e) {
            return Optional.of("an unreadable signature header");
        }
        byte[] signed = value.concat(signature.getSignatureHeader()).concat(ByteString.copyFrom(headerBytes))
                .toByteArray();
        SignatureCheck.Result result = SignatureCheck.verify(trust, header.getCreator(), signed,
                signature.getSignature());
        if (!result.valid()) {
            return Optional.of("orderer signature: " + result.problem().get());
        }
        if (!trust.ordererMspIds().contains(result.mspId())) {
            return Optional.of("signed by " + result.mspId() + ", which is not an ordering organisation");
        }
        return Optional.empty();
    }
}
