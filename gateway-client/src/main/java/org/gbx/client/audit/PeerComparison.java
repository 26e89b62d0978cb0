package org.gbx.client.audit;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gbx.client.audit.chain.BlockHashes;
import org.gbx.client.audit.chain.BlockSource;
import org.gbx.client.audit.chain.ProblemKind;
import org.gbx.client.audit.chain.VerificationProblem;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Compares the committee's copy of the ledger with another organisation's, block by block up to
 * the lower of the two heights: the same header hash means the same block, since each header
 * commits to its transactions and to the whole chain before it. A peer a few blocks behind is
 * normal (blocks reach peers at slightly different times) and is not a divergence.
 */
public final class PeerComparison {

    /** The outcome: both heights and every block that differs. */
    public record Outcome(String other, long ownHeight, long otherHeight, List<VerificationProblem> divergences) {
        public Outcome {
            divergences = List.copyOf(divergences);
        }
    }

    private PeerComparison() {
    }

    public static Outcome compare(BlockSource own, BlockSource other, ProgressListener progress) {
        long ownHeight = own.height();
        long otherHeight = other.height();
        long common = Math.min(ownHeight, otherHeight);
        List<VerificationProblem> divergences = new ArrayList<>();
        try {
            for (long n = 0; n < common; n++) {
                byte[] mine = headerHash(own.block(n));
                byte[] theirs = headerHash(other.block(n));
                if (!Arrays.equals(mine, theirs)) {
                    divergences.add(VerificationProblem.inBlock(n, ProblemKind.PEER_DIVERGENCE,
                            other.description() + " holds a different block " + n));
                }
                progress.progress(n + 1, common);
            }
        } finally {
            progress.finished();
        }
        return new Outcome(other.description(), ownHeight, otherHeight, divergences);
    }

    private static byte[] headerHash(byte[] block) {
        try {
            return BlockHashes.headerHash(Block.parseFrom(block).getHeader());
        } catch (InvalidProtocolBufferException e) {
            return new byte[0];
        }
    }
}
