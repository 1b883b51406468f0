package org.atalaya.store.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.locks.Lock;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database for each test: H2 in memory, or PostgreSQL when the system
 * property {@code atalaya.test.database} is {@code postgresql} (the build's "postgresql" profile
 * sets it and runs the tests tagged {@value #TAG} a second time; the server is given by the
 * environment variables {@code ATALAYA_TEST_POSTGRESQL_URL}, {@code _USER} and {@code _PASSWORD}).
 * On PostgreSQL each test drops and creates the schema {@value #POSTGRESQL_SCHEMA}.
 */
@Tag(DatabaseTestSupport.TAG)
public abstract class DatabaseTestSupport {

    public static final String TAG = "database";
    public static final String POSTGRESQL_SCHEMA = "atalaya_test";

    protected DataSource dataSource;
    protected Database database;

    @BeforeEach
    protected void openDatabase() throws Exception {
        dataSource = "postgresql".equals(System.getProperty("atalaya.test.database", "h2")) ? postgresql() : h2();
        database = Database.open(dataSource);
    }

    /** The commits that ended a group of {@link Database#groupedTransaction}s on {@link #database}. */
    protected long groupCommits() {
        return database.groupCommits();
    }

    /** The lock a group commits under: held, it keeps grouped transactions queued (to make groups). */
    protected Lock groupLock() {
        return database.groupLock();
    }

    /** The grouped transactions queued and not yet taken into a group. */
    protected int groupQueued() {
        return database.groupQueued();
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:atalaya-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("atalaya");
        h2.setPassword("");
        return h2;
    }

    private static DataSource postgresql() throws Exception {
        PGSimpleDataSource postgresql = new PGSimpleDataSource();
        postgresql.setURL(environment("ATALAYA_TEST_POSTGRESQL_URL"));
        postgresql.setUser(environment("ATALAYA_TEST_POSTGRESQL_USER"));
        postgresql.setPassword(environment("ATALAYA_TEST_POSTGRESQL_PASSWORD"));
        try (Connection connection = postgresql.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + POSTGRESQL_SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + POSTGRESQL_SCHEMA);
        }
        postgresql.setCurrentSchema(POSTGRESQL_SCHEMA);
        return postgresql;
    }

    private static String environment(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException("Testing against PostgreSQL needs the environment variable " + name);
        }
        return value;
    }
}
