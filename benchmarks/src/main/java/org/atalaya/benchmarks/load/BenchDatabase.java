package org.atalaya.benchmarks.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The hub's database for a run on PostgreSQL ({@code database=postgresql}), the production
 * database: an existing database and role, given by the environment variables
 * {@value #URL}, {@value #USER} and {@value #PASSWORD} (the password is never printed). The run
 * empties it first (everything the role owns), so each run starts from the schema's first
 * migration as a new hub does; give the harness a database of its own. The read archive is kept
 * in it too, as the archive's data source allows.
 */
final class BenchDatabase {

    /** The hub's data source and the read archive's. */
    static final List<String> DATASOURCE_FILES = List.of("org.ops4j.datasource-atalaya.cfg",
            "org.ops4j.datasource-atalaya-archive.cfg");
    static final String URL = "ATALAYA_BENCH_POSTGRESQL_URL";
    static final String USER = "ATALAYA_BENCH_POSTGRESQL_USER";
    static final String PASSWORD = "ATALAYA_BENCH_POSTGRESQL_PASSWORD";

    private BenchDatabase() {
    }

    /** Empties the database and returns the data sources' settings for it. */
    static Map<String, ?> postgresql(Report report) throws SQLException {
        String url = environment(URL);
        String user = environment(USER);
        String password = environment(PASSWORD);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP OWNED BY CURRENT_USER CASCADE");
            report.line("database: PostgreSQL %s at %s, emptied", connection.getMetaData().getDatabaseProductVersion(),
                    url);
        }
        return Map.of("osgi.jdbc.driver.class", "org.postgresql.Driver", "url", url, "user", user, "password",
                password);
    }

    private static String environment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("database=postgresql needs the environment variable " + name);
        }
        return value;
    }
}
