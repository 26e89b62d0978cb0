package org.gbx.client.cli;

import java.util.Locale;
import org.gbx.client.records.DataFolderLock;
import org.gbx.client.records.IdType;
import org.gbx.client.records.RecordsDatabase;
import org.gbx.client.records.RecordsSeeder;
import org.gbx.client.records.SeedPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gbx records seed}: fills the force's own database with synthetic, reproducible records
 * (replacing its own records; received data is kept). Needs no network, and the data folder to
 * itself: it is refused while the force's exchange node runs on it.
 */
@Command(name = "seed")
final class RecordsSeedCommand extends LedgerCommand {

    /** A synthetic clip need not be larger than a real short one; more only fills the disk. */
    private static final long MAX_CLIP_BYTES = 64L * 1024 * 1024;

    @Mixin
    RecordsOptions records;

    @Option(names = "--size", paramLabel = "PERSONS", descriptionKey = "option.seedSize")
    int size = 200;

    @Option(names = "--seed", paramLabel = "NUMBER", descriptionKey = "option.seedNumber")
    long seed = 20250301L;

    @Option(names = "--clip-bytes", paramLabel = "BYTES", descriptionKey = "option.clipBytes")
    long clipBytes = 256 * 1024;

    @Option(names = "--id-type", paramLabel = "TYPE", descriptionKey = "option.idType")
    IdType idType;

    @Override
    void execute(CliSession session) {
        LocalChecks.range("--size", size, 1, 200_000);
        LocalChecks.range("--clip-bytes", clipBytes, 1, MAX_CLIP_BYTES);
        Gbx gbx = (Gbx) spec.root().userObject();
        String org = session.orgKey();
        IdType home = idType != null ? idType
                : org.toLowerCase(Locale.ROOT).startsWith("macau") ? IdType.MACAU_BIR : IdType.MAINLAND_RIC;
        SeedPlan plan;
        try {
            plan = new SeedPlan(org, home, size, clipBytes, seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("input.seedPlan", e.getMessage());
        }
        Output output = session.output();
        RecordsDatabase database;
        RecordsSeeder.SeedSummary summary;
        try (DataFolderLock lock = DataFolderLock.acquire(records.home(session, gbx), "records seed")) {
            database = records.open(session, gbx);
            summary = new RecordsSeeder(database).seed(plan, done -> {
                if (!output.isJson()) {
                    System.err.printf("\r  seeding: %d/%d persons", done, size);
                    System.err.flush();
                }
            });
        }
        if (output.isJson()) {
            output.json(summary);
            return;
        }
        System.err.println();
        output.line(session.messages().get("done.seed", database.describe(), summary.persons(), summary.crossings(),
                summary.vehicles(), summary.phones(), summary.cases(), summary.clips(), summary.clipBytes()));
    }
}
