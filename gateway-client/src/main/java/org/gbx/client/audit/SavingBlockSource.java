package org.gbx.client.audit;

import java.nio.file.Path;
import org.gbx.client.audit.chain.BlockSource;
import org.gbx.client.audit.chain.SavedBlocks;

/** Reads blocks from a source and keeps a copy of each in a directory, to verify again later. */
public final class SavingBlockSource implements BlockSource {

    private final BlockSource source;
    private final Path directory;

    public SavingBlockSource(BlockSource source, Path directory) {
        this.source = source;
        this.directory = directory;
    }

    @Override
    public long height() {
        return source.height();
    }

    @Override
    public byte[] block(long number) {
        byte[] block = source.block(number);
        SavedBlocks.save(directory, number, block);
        return block;
    }

    @Override
    public String description() {
        return source.description();
    }
}
