package org.atalaya.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's database: H2 embedded by default, PostgreSQL in production. Brings the schema up to
 * date with Flyway (scripts in {@code db/migration}) and tells the few places where the two
 * SQL dialects differ.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    enum Dialect { H2, POSTGRESQL }

    private final DataSource dataSource;
    private final Dialect dialect;

    private Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Migrates the schema and returns the database, ready for use. */
    public static Database open(DataSource dataSource) throws SQLException {
        MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            dialect = product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? Dialect.POSTGRESQL : Dialect.H2;
            LOG.info("Database {} {} at schema version {} ({} migrations applied now)", product,
                    connection.getMetaData().getDatabaseProductVersion(), result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        return new Database(dataSource, dialect);
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    Dialect dialect() {
        return dialect;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
