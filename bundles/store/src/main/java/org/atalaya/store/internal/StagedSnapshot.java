package org.atalaya.store.internal;

import org.atalaya.store.jdbc.Database;
import org.atalaya.store.jdbc.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistSnapshot;
import org.atalaya.api.anpr.HotlistSyncResult;
import org.atalaya.api.anpr.HotlistSyncState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's full snapshot, staged in {@code hotlist_snapshot_entry} page by page (each page one
 * batched transaction), then merged into {@code hotlist_entry} in one transaction: the source's
 * entries the snapshot no longer names are deleted, those it names differently updated (keeping
 * their ids), the new ones inserted, each by a single statement over the staged rows, so the
 * database does the work and nothing of the snapshot is held in memory. The staged rows are
 * deleted when the snapshot is closed.
 */
final class StagedSnapshot implements HotlistSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(StagedSnapshot.class);

    /** The staged rows a listed entry differs from, column by column (nulls compared as values). */
    private static final String DIFFERS = "s.plate <> hotlist_entry.plate"
            + " OR s.country IS DISTINCT FROM hotlist_entry.country"
            + " OR s.category <> hotlist_entry.category"
            + " OR s.priority <> hotlist_entry.priority"
            + " OR s.reason IS DISTINCT FROM hotlist_entry.reason"
            + " OR s.valid_from <> hotlist_entry.valid_from"
            + " OR s.valid_until IS DISTINCT FROM hotlist_entry.valid_until";

    private final Database database;
    private final Clock clock;
    private final long id;
    private final String source;
    private final long version;
    private boolean committed;
    private boolean closed;

    StagedSnapshot(Database database, Clock clock, long id, String source, long version) {
        this.database = database;
        this.clock = clock;
        this.id = id;
        this.source = source;
        this.version = version;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public synchronized void add(List<HotlistEntry> page) {
        unfinished();
        Set<String> references = new HashSet<>();
        for (HotlistEntry entry : page) {
            if (!entry.source().equals(source)) {
                throw new IllegalArgumentException("entry " + entry.reference() + " is of source " + entry.source()
                        + ", not " + source);
            }
            if (entry.reference() == null || entry.reference().isBlank()) {
                throw new IllegalArgumentException("an entry of " + source + " without a reference");
            }
            if (!references.add(entry.reference())) {
                throw new IllegalArgumentException("reference " + entry.reference() + " is twice in the page");
            }
        }
        if (page.isEmpty()) {
            return;
        }
        database.transaction("stage " + page.size() + " entries of the " + source + " snapshot " + id, connection -> {
            if (!exists(connection)) {
                throw abandoned();
            }
            try (PreparedStatement stage = connection.prepareStatement("INSERT INTO hotlist_snapshot_entry"
                    + " (snapshot_id, reference, plate, country, category, priority, reason, valid_from, valid_until)"
                    + " VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < page.size(); i++) {
                    HotlistEntry entry = page.get(i);
                    stage.setLong(1, id);
                    stage.setString(2, entry.reference());
                    stage.setString(3, entry.plate());
                    stage.setString(4, entry.country());
                    stage.setString(5, entry.category().name());
                    stage.setShort(6, (short) entry.priority());
                    stage.setString(7, entry.reason());
                    stage.setObject(8, Database.timestamp(entry.validFrom()));
                    if (entry.validUntil() == null) {
                        stage.setNull(9, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        stage.setObject(9, Database.timestamp(entry.validUntil()));
                    }
                    stage.addBatch();
                    if (i % HotlistStore.BATCH == HotlistStore.BATCH - 1 || i == page.size() - 1) {
                        stage.executeBatch();
                    }
                }
            }
            return null;
        });
    }

    @Override
    public synchronized HotlistSyncResult commit() {
        unfinished();
        HotlistSyncResult result = database.transaction("commit the " + source + " snapshot of version " + version,
                connection -> {
                    try (PreparedStatement lock = connection.prepareStatement(
                            "SELECT committed_at FROM hotlist_snapshot WHERE id = ? FOR UPDATE")) {
                        lock.setLong(1, id);
                        try (ResultSet rows = lock.executeQuery()) {
                            if (!rows.next()) {
                                throw abandoned();
                            }
                            if (rows.getObject(1) != null) {
                                throw new IllegalStateException("The hotlist snapshot " + id + " of " + source
                                        + " was committed already");
                            }
                        }
                    }
                    Optional<HotlistSyncState> before = HotlistStore.syncState(connection, source, true);
                    long removed = update(connection, "DELETE FROM hotlist_entry WHERE source = ? AND NOT EXISTS"
                            + " (SELECT 1 FROM hotlist_snapshot_entry s WHERE s.snapshot_id = ?"
                            + " AND s.reference = hotlist_entry.reference)", source, id);
                    long updated = update(connection, "UPDATE hotlist_entry SET (plate, country, category, priority,"
                            + " reason, valid_from, valid_until, source_version) = (SELECT s.plate, s.country,"
                            + " s.category, s.priority, s.reason, s.valid_from, s.valid_until, ?"
                            + " FROM hotlist_snapshot_entry s WHERE s.snapshot_id = ?"
                            + " AND s.reference = hotlist_entry.reference)"
                            + " WHERE source = ? AND EXISTS (SELECT 1 FROM hotlist_snapshot_entry s"
                            + " WHERE s.snapshot_id = ? AND s.reference = hotlist_entry.reference AND (" + DIFFERS + "))",
                            version, id, source, id);
                    long added = update(connection, "INSERT INTO hotlist_entry (plate, country, category, priority,"
                            + " source, reason, reference, valid_from, valid_until, source_version)"
                            + " SELECT s.plate, s.country, s.category, s.priority, ?, s.reason, s.reference,"
                            + " s.valid_from, s.valid_until, ? FROM hotlist_snapshot_entry s WHERE s.snapshot_id = ?"
                            + " AND NOT EXISTS (SELECT 1 FROM hotlist_entry e WHERE e.source = ?"
                            + " AND e.reference = s.reference)", source, version, id, source);
                    long entries;
                    try (PreparedStatement count = connection.prepareStatement(
                            "SELECT COUNT(*) FROM hotlist_snapshot_entry WHERE snapshot_id = ?")) {
                        count.setLong(1, id);
                        try (ResultSet rows = count.executeQuery()) {
                            rows.next();
                            entries = rows.getLong(1);
                        }
                    }
                    Instant now = clock.instant();
                    HotlistSyncState state = HotlistStore.saveState(connection, source, version, entries, now,
                            before.isPresent());
                    try (PreparedStatement done = connection.prepareStatement(
                            "UPDATE hotlist_snapshot SET committed_at = ? WHERE id = ?")) {
                        done.setObject(1, Database.timestamp(now));
                        done.setLong(2, id);
                        done.executeUpdate();
                    }
                    return new HotlistSyncResult(state, true, added, updated, removed, entries - added - updated,
                            List.of());
                });
        committed = true;
        return result;
    }

    /**
     * Deletes the staged rows: those of a committed snapshot here rather than in its commit, so
     * that the commit, and what waits for it, is done sooner; an uncommitted snapshot is abandoned.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            database.transaction((committed ? "discard the staged rows of" : "abandon") + " the " + source
                    + " snapshot " + id, connection -> {
                        update(connection, "DELETE FROM hotlist_snapshot_entry WHERE snapshot_id = ?", id);
                        return update(connection, "DELETE FROM hotlist_snapshot WHERE id = ?", id);
                    });
            if (!committed) {
                LOG.info("Hotlist snapshot {} of {} (version {}) abandoned", id, source, version);
            }
        } catch (StoreException e) {
            // they go when the next snapshot of the source begins
            LOG.warn("The staged rows of hotlist snapshot {} of {} stay until the next snapshot of it begins", id,
                    source, e);
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM hotlist_snapshot WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void unfinished() {
        if (committed || closed) {
            throw new IllegalStateException("The hotlist snapshot " + id + " of " + source
                    + " was committed or closed already");
        }
    }

    private IllegalStateException abandoned() {
        return new IllegalStateException("The hotlist snapshot " + id + " of " + source
                + " was abandoned: another snapshot of it began");
    }

    /** Runs an update with these parameters (strings and longs); returns the rows it changed. */
    private static long update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String text) {
                    statement.setString(i + 1, text);
                } else {
                    statement.setLong(i + 1, (Long) parameters[i]);
                }
            }
            return statement.executeUpdate();
        }
    }
}
