package org.atalaya.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a transaction leaves its connection for the pool: in auto-commit mode, with no transaction
 * open, so that the pool has nothing to roll back (a rollback ends an H2 transaction, and with
 * {@code WRITE_DELAY=0} each end writes the store's pages).
 */
class DatabaseTest extends DatabaseTestSupport {

    private static final String INSERT = "INSERT INTO camera (id, name, latitude, longitude, heading, border_approach) "
            + "VALUES ('c1', 'Port', 35.89, -5.31, 90, TRUE)";

    /** What each connection said about its mode when it was handed back. */
    private final List<Boolean> autoCommitOnClose = new ArrayList<>();
    private Database watched;

    @BeforeEach
    void watchConnections() throws Exception {
        DataSource real = dataSource;
        DataSource watching = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    return result instanceof Connection connection ? watch(connection) : result;
                });
        watched = Database.open(watching);
        autoCommitOnClose.clear();
    }

    private Connection watch(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        autoCommitOnClose.add(connection.getAutoCommit());
                    }
                    return method.invoke(connection, args);
                });
    }

    @Test
    void aCommittedTransactionHandsItsConnectionBackInAutoCommitModeWithItsWorkStored() {
        watched.transaction("add a camera site", connection -> connection.createStatement().executeUpdate(INSERT));

        assertEquals(List.of(true), autoCommitOnClose);
        assertEquals(1, cameras());
    }

    @Test
    void aFailedTransactionIsRolledBackAndHandsItsConnectionBackInAutoCommitMode() {
        StoreException failure = assertThrows(StoreException.class,
                () -> watched.transaction("add a camera site twice", connection -> {
                    connection.createStatement().executeUpdate(INSERT);
                    return connection.createStatement().executeUpdate(INSERT);
                }));

        assertTrue(failure.getMessage().contains("add a camera site twice"), failure.getMessage());
        assertEquals(List.of(true), autoCommitOnClose);
        assertEquals(0, cameras());
    }

    private int cameras() {
        return database.run("count cameras", connection -> {
            var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM camera");
            result.next();
            return result.getInt(1);
        });
    }
}
