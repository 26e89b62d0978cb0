package org.gbx.client.audit.chain;

import java.util.Optional;

/**
 * How far verification has come: the next block to verify, the header hash it must link to,
 * and the channel configuration in force.
 */
public record ChainPosition(long nextBlock, Optional<byte[]> lastHeaderHash, Optional<ChannelTrust> trust) {

    public static ChainPosition genesis() {
        return new ChainPosition(0, Optional.empty(), Optional.empty());
    }

    ChainPosition after(BlockCheck check) {
        return new ChainPosition(check.number() + 1, check.headerHash(), check.newTrust().or(() -> trust));
    }
}
