package org.atalaya.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's database: H2 embedded by default, PostgreSQL in production. Brings a schema up to
 * date with Flyway (the hub's scripts in {@code db/migration}, the read archive's in
 * {@code db/archive}), runs the stores' work on a connection, and tells the few places where the
 * two SQL dialects differ.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** The transaction each thread has open on this database, while its works run. */
    private final ThreadLocal<Open> open = new ThreadLocal<>();

    /** The two databases the hub runs on. */
    public enum Dialect { H2, POSTGRESQL }

    /**
     * How soon a {@linkplain #groupedTransaction grouped transaction} is wanted: an urgent one is
     * grouped ahead of the routine ones waiting with it.
     */
    public enum Urgency {
        /** Something live waits for it: the audit record of an alert's disclosure on its way to an agency. */
        URGENT,
        /** Everything else: the archive, the audit records of calls. */
        ROUTINE
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Transactions in one group at most, so that none waits long for the others. */
    static final int GROUP_LIMIT = 64;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final CommitGroups groups;

    private Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.groups = new CommitGroups(this, GROUP_LIMIT);
    }

    /**
     * The two schemas the hub keeps, each migrated by its own scripts and history: they may live in
     * two databases or in one.
     */
    public enum Schema {
        /** Everything but the read archive: cameras, the hotlist, alerts, the audit log. */
        HUB("classpath:db/migration", "flyway_schema_history", false),
        /**
         * The plate reads of the retention period: the hub's largest table, and its most written. It
         * may join the hub's schema in one database, so its scripts create only what is missing.
         */
        ARCHIVE("classpath:db/archive", "archive_schema_history", true);

        private final String scripts;
        private final String history;
        private final boolean joinsOthers;

        Schema(String scripts, String history, boolean joinsOthers) {
            this.scripts = scripts;
            this.history = history;
            this.joinsOthers = joinsOthers;
        }
    }

    /** Migrates the hub's schema and returns the database, ready for use. */
    public static Database open(DataSource dataSource) throws SQLException {
        return open(dataSource, Schema.HUB);
    }

    /** Migrates {@code schema} and returns the database, ready for use. */
    public static Database open(DataSource dataSource, Schema schema) throws SQLException {
        FluentConfiguration flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(schema.scripts)
                .table(schema.history);
        if (schema.joinsOthers) {
            // Flyway refuses a database that holds tables and no history of its own scripts: this
            // schema's history is begun below its first script
            flyway.baselineOnMigrate(true).baselineVersion("0");
        }
        MigrateResult result = flyway.load().migrate();
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            dialect = product.toLowerCase(Locale.ROOT).contains("postgres") ? Dialect.POSTGRESQL : Dialect.H2;
            LOG.info("Database {} {}: {} schema at version {} ({} migrations applied now)", product,
                    connection.getMetaData().getDatabaseProductVersion(),
                    schema.name().toLowerCase(Locale.ROOT), result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        return new Database(dataSource, dialect);
    }

    /**
     * Runs {@code work} on a connection in auto-commit mode.
     *
     * @param what what the work does, for the message of a failure ("find camera c1")
     * @throws StoreException when the database fails
     */
    public <T> T run(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not " + what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     * The connection goes back to its pool in auto-commit mode, its transaction ended: a pool
     * that finds a connection out of auto-commit mode may roll it back on return (HikariCP does
     * when a statement ran since the last commit; commons-dbcp2 always does, after asking H2
     * whether it is read-only, which starts a transaction), and with {@code WRITE_DELAY=0}
     * every H2 transaction's end writes the store's changed pages to the file, a second write for
     * each transaction.
     *
     * @param what what the work does, for the message of a failure ("add 3 hotlist entries")
     * @throws StoreException when the database fails
     */
    public <T> T transaction(String what, Work<T> work) {
        Open outer = open.get();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Open mine = new Open(connection);
            open.set(mine);
            T result;
            try {
                result = work.run(connection);
                mine.beforeCommit();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                if (outer == null) {
                    open.remove();
                } else {
                    open.set(outer);
                }
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new StoreException("Could not " + what, e);
        }
    }

    /**
     * The connection of the {@linkplain #transaction transaction} open on this thread, for the work
     * of another part of the hub that must be stored with that transaction's writes or not at all
     * (an alert's disclosure recorded in the audit log as the alert is stored); empty when none is.
     */
    public Optional<Connection> openTransaction() {
        Open current = open.get();
        return current == null ? Optional.empty() : Optional.of(current.connection);
    }

    /**
     * What the works of one {@linkplain #transaction transaction} keep for the works after them
     * (a {@linkplain #groupedTransaction group} runs several in one), and write once, after the
     * last of them and before the commit. One of each class a transaction.
     */
    public interface Shared {

        /** Runs after the transaction's works, before its commit; a failure fails the transaction. */
        void beforeCommit(Connection connection) throws SQLException;
    }

    /**
     * What a work of the transaction on {@code connection} shared of {@code type}; null when none
     * did. A work shares only once all it did succeeded: a work rolled back to its savepoint has
     * shared nothing.
     */
    public <S extends Shared> S shared(Connection connection, Class<S> type) {
        Open current = open.get();
        return current == null || current.connection != connection || current.shared == null ? null
                : type.cast(current.shared.get(type));
    }

    /** Shares {@code value}, in place of any of its class, with the rest of the transaction on {@code connection}. */
    public void share(Connection connection, Shared value) {
        Open current = open.get();
        if (current == null || current.connection != connection) {
            throw new IllegalStateException("no transaction of this database is open on that connection");
        }
        if (current.shared == null) {
            current.shared = new LinkedHashMap<>();
        }
        current.shared.put(value.getClass(), value);
    }

    /** The transaction open on a thread, and what its works share: most share nothing. */
    private static final class Open {

        final Connection connection;
        Map<Class<?>, Shared> shared;

        Open(Connection connection) {
            this.connection = connection;
        }

        void beforeCommit() throws SQLException {
            if (shared != null) {
                for (Shared each : shared.values()) {
                    each.beforeCommit(connection);
                }
            }
        }
    }

    /**
     * Runs {@code work} in a transaction it may share with other works waiting to commit at the
     * same time ({@link CommitGroups}): for the hub's many small, frequent writes, where the commit
     * costs more than the work. It returns, as {@link #transaction} does, once its work is
     * committed; a work that throws is rolled back alone (to a savepoint of its own) and its failure
     * is thrown here. {@code work} must not commit, roll back or change the connection's mode, and
     * sees what the works before it in the group wrote. It may run twice (when another work of its
     * group fails, the group runs again): it must leave nothing behind but its transaction's writes.
     *
     * @param what what the work does, for the message of a failure ("save 120 plate reads")
     * @throws StoreException when the database fails
     */
    public <T> T groupedTransaction(String what, Work<T> work) {
        return groupedTransaction(what, Urgency.ROUTINE, work);
    }

    /**
     * A {@linkplain #groupedTransaction(String, Work) grouped transaction} of the given urgency. An
     * urgent one waits for the group committing when it came, then for a group of urgent works
     * taken ahead of the routine ones waiting ({@link WaitingWorks}).
     */
    public <T> T groupedTransaction(String what, Urgency urgency, Work<T> work) {
        return groups.run(what, urgency, work);
    }

    /** The commits that ended a group of {@link #groupedTransaction}s. */
    long groupCommits() {
        return groups.commits();
    }

    /** The grouped transactions' lock: held, it keeps works queued (tests make groups with it). */
    Lock groupLock() {
        return groups.lock();
    }

    /** The grouped transactions queued and not yet taken into a group. */
    int groupQueued() {
        return groups.queued();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The column value for an instant; both databases keep microseconds. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The instant as the database will give it back. */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
