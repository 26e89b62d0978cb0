package org.gbx.client.cli;

import java.nio.file.Path;
import org.gbx.client.records.DataHome;
import org.gbx.client.records.RecordsDatabase;
import picocli.CommandLine.Option;

/**
 * Where the force's own database and exchange files are: {@code --data} (default
 * {@code $GBX_DATA}, else {@code exchange/<org>} beside the connection config, an ignored folder),
 * and {@code --db} for PostgreSQL or another JDBC URL instead of the embedded H2 file.
 */
final class RecordsOptions {

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "option.data")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", descriptionKey = "option.db")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", descriptionKey = "option.dbUser")
    String user;

    DataHome home(CliSession session, Gbx gbx) {
        if (data != null) {
            return new DataHome(InputFiles.writableFolder(data));
        }
        String fromEnvironment = session.environmentVariable("GBX_DATA");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new DataHome(InputFiles.writableFolder(Path.of(fromEnvironment)));
        }
        // The invocation's environment, not the process's: a caller in the same JVM (a test) names its own config.
        Path config = session.configPath();
        return new DataHome(config.toAbsolutePath().getParent().resolve("exchange").resolve(session.orgKey()));
    }

    /** The password comes only from {@code GBX_DB_PASSWORD}, so it never shows in a process list. */
    RecordsDatabase open(CliSession session, Gbx gbx) {
        String url = jdbcUrl != null ? jdbcUrl : session.environmentVariable("GBX_DB_URL");
        String dbUser = user != null ? user : session.environmentVariable("GBX_DB_USER");
        return RecordsDatabase.open(home(session, gbx), url, dbUser, session.environmentVariable("GBX_DB_PASSWORD"));
    }
}
