package org.atalaya.store.jdbc;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database for each test: H2 in memory, or PostgreSQL when the system
 * property {@code atalaya.test.database} is {@code postgresql} (the build's "postgresql" profile
 * sets it and runs the tests tagged {@value #TAG} a second time; the server is given by the
 * environment variables {@code ATALAYA_TEST_POSTGRESQL_URL}, {@code _USER} and {@code _PASSWORD}).
 * On PostgreSQL each test drops and creates the schema {@value #POSTGRESQL_SCHEMA}, and
 * {@value #POSTGRESQL_SCHEMA}{@code _other} for a test that asks for {@link #anotherDatabase()}.
 */
@Tag(DatabaseTestSupport.TAG)
public abstract class DatabaseTestSupport {

    public static final String TAG = "database";
    public static final String POSTGRESQL_SCHEMA = "atalaya_test";

    protected DataSource dataSource;
    protected Database database;
    private ExecutorService callers;

    @BeforeEach
    protected void openDatabase() throws Exception {
        dataSource = fresh(POSTGRESQL_SCHEMA);
        database = Database.open(dataSource);
    }

    /** A second fresh database of the same kind, not migrated: where the read archive may be kept apart. */
    protected DataSource anotherDatabase() throws Exception {
        return fresh(POSTGRESQL_SCHEMA + "_other");
    }

    private static DataSource fresh(String postgresqlSchema) throws Exception {
        return "postgresql".equals(System.getProperty("atalaya.test.database", "h2")) ? postgresql(postgresqlSchema)
                : h2();
    }

    /** The commits that ended a group of {@link Database#groupedTransaction}s on {@link #database}. */
    protected long groupCommits() {
        return database.groupCommits();
    }

    /**
     * Starts the calls, each on a thread of its own and in the order given, while holding the lock a
     * group commits under, and lets them go once {@code queued} grouped transactions wait: groups
     * made, not hoped for.
     */
    protected <T> List<Future<T>> whileGroupHeld(List<Callable<T>> calls, int queued) {
        Lock lock = database.groupLock();
        lock.lock();
        try {
            return queued(calls, queued);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts the calls, each on a thread of its own and in the order given, and returns once
     * {@code queued} grouped transactions wait; the caller holds the lock a group commits under.
     */
    protected <T> List<Future<T>> queued(List<Callable<T>> calls, int queued) {
        callers = Executors.newFixedThreadPool(calls.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            int before = database.groupQueued();
            futures.add(callers.submit(call));
            // queued in the order given, so that the group runs them in that order
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(30))
                    .until(() -> database.groupQueued() > before);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.groupQueued() == queued);
        return futures;
    }

    @AfterEach
    protected void stopCallers() {
        if (callers != null) {
            callers.shutdownNow();
        }
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:atalaya-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("atalaya");
        h2.setPassword("");
        return h2;
    }

    private static DataSource postgresql(String schema) throws Exception {
        PGSimpleDataSource postgresql = new PGSimpleDataSource();
        postgresql.setURL(environment("ATALAYA_TEST_POSTGRESQL_URL"));
        postgresql.setUser(environment("ATALAYA_TEST_POSTGRESQL_USER"));
        postgresql.setPassword(environment("ATALAYA_TEST_POSTGRESQL_PASSWORD"));
        try (Connection connection = postgresql.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        postgresql.setCurrentSchema(schema);
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
