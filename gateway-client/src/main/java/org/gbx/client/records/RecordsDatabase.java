package org.gbx.client.records;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A force's own database: embedded H2 in its {@link DataHome} by default, or any JDBC URL
 * (PostgreSQL in production). Creates the schema on first use. Only one process opens it: the
 * force's exchange node (or a seeding run while no node is up); every officer's gbx asks the node
 * (its local API) instead of opening the database.
 */
public final class RecordsDatabase {

    private final String url;
    private final Properties credentials;
    private final DataHome home;

    private RecordsDatabase(String url, Properties credentials, DataHome home) {
        this.url = url;
        this.credentials = credentials;
        this.home = home;
    }

    /**
     * @param jdbcUrl null for the embedded H2 file in {@code home}
     * @param user database user, or null
     * @param password database password, or null
     */
    public static RecordsDatabase open(DataHome home, String jdbcUrl, String user, String password) {
        String url = jdbcUrl != null ? jdbcUrl
                : "jdbc:h2:file:" + home.embeddedDatabase();
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        RecordsDatabase database = new RecordsDatabase(url, credentials, home);
        try (Connection connection = database.connect()) {
            RecordsSchema.create(connection);
        } catch (SQLException e) {
            throw new RecordsException("The records database at " + database.describe()
                    + " cannot be opened: " + e.getMessage(), e);
        }
        return database;
    }

    public static RecordsDatabase embedded(DataHome home) {
        return open(home, null, null, null);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    public DataHome home() {
        return home;
    }

    /** The URL without credentials, for messages. */
    public String describe() {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }
}
