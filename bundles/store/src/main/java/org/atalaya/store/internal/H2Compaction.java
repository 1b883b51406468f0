package org.atalaya.store.internal;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the half-empty parts of an embedded H2 database's file, which H2 itself does not do
 * with the hub's settings.
 *
 * <p>H2 keeps its data in one file of chunks: every commit appends a chunk holding the pages it
 * changed, and a chunk is freed once none of its pages is current. A chunk that keeps one current
 * page (the leaf a read was added to, never changed again) is never freed, so the file grows by
 * about a chunk per commit unless those pages are copied into new chunks. H2 copies them in a
 * background thread, which it runs only when commits are written late ({@code WRITE_DELAY} above
 * 0); the hub sets {@code WRITE_DELAY=0}, so that a commit is in the file before the broker
 * message it stores is acknowledged, and that thread never runs. Measured on the load harness
 * without this: 5.7 GiB of file after 600,000 reads, 7 % of it current.
 *
 * <p>Each run asks H2 to rewrite the chunks less than {@value #TARGET_FILL_RATE} % current (H2's
 * own default), copying at most {@value #WRITE_LIMIT_BYTES} bytes of current pages a run, and
 * writes the copies at once (not in the next commit of a route); H2 rewrites only chunks older
 * than its retention time (45 s by default) and frees them later still: at 1,000 reads/s the
 * file grew at up to 17 MB/s for six minutes, then at about 2 MB/s, where it kept the write rate
 * without.
 *
 * <p>The runs are small and frequent because H2 holds its store's lock for the whole of one,
 * and every commit (an agency's alert stored, a disclosure recorded) waits for that lock. With
 * 4 MiB a second in one run, the lock was held p50 106, max 756 ms a run, and the alerts' p99 at
 * 1,000 reads/s was 278–371 ms; in pieces of 512 KiB eight times a second, about 200 ms, as
 * with no compaction at all (BENCHMARKS.md, seventeenth).
 *
 * <p>The store's handle is reached through H2's connection; H2 exports the connection and the
 * store, not the classes in between, so those two steps are made by name.
 */
final class H2Compaction implements Runnable {

    static final int TARGET_FILL_RATE = 90;
    static final int WRITE_LIMIT_BYTES = 512 << 10;
    /** How often a run is made: with the limit above, at most 4 MiB a second. */
    static final long INTERVAL_MILLIS = 125;

    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;

    private H2Compaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The compactions of the embedded H2 databases the data sources connect to, one for each file:
     * two data sources may name the same database (the read archive kept with the hub's tables).
     * Another database, or an H2 reached over the network (its server keeps its own file), has none.
     */
    static List<H2Compaction> of(List<DataSource> dataSources) {
        Set<MVStore> files = Collections.newSetFromMap(new IdentityHashMap<>());
        List<H2Compaction> compactions = new ArrayList<>();
        for (DataSource dataSource : dataSources) {
            H2Compaction compaction = new H2Compaction(dataSource);
            compaction.embeddedStore().filter(files::add).ifPresent(file -> compactions.add(compaction));
        }
        return compactions;
    }

    private Optional<MVStore> embeddedStore() {
        try {
            return store();
        } catch (SQLException | ReflectiveOperationException | LinkageError | RuntimeException notEmbeddedH2) {
            LOG.debug("No embedded H2 database to compact", notEmbeddedH2);
            return Optional.empty();
        }
    }

    @Override
    public void run() {
        try {
            Optional<MVStore> store = store();
            if (store.isPresent() && store.get().compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES)) {
                // the pages copied are written now, by this thread, not by the next commit of a route
                store.get().commit();
            }
        } catch (SQLException | ReflectiveOperationException failure) {
            LOG.warn("Could not compact the H2 database: {}", failure.toString());
        }
    }

    /** How much of the file's chunks is current data, in percent. */
    int chunksFillRate() throws SQLException, ReflectiveOperationException {
        return store().map(store -> store.getFileStore().getChunksFillRate()).orElse(100);
    }

    private Optional<MVStore> store() throws SQLException, ReflectiveOperationException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return Optional.empty();
            }
            JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
            Object session = JdbcConnection.class.getMethod("getSession").invoke(h2);
            Object database = call(session, "getDatabase");
            Object store = database == null ? null : call(database, "getStore");
            Object mvStore = store == null ? null : call(store, "getMvStore");
            return mvStore instanceof MVStore embedded && embedded.getFileStore() != null
                    ? Optional.of(embedded) : Optional.empty();
        }
    }

    /** A public method H2 does not export the class of: a remote session has no such method. */
    private static Object call(Object target, String method) throws ReflectiveOperationException {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (NoSuchMethodException remote) {
            return null;
        } catch (InvocationTargetException failure) {
            if (failure.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw failure;
        }
    }
}
