package org.atalaya.store.internal;

import org.atalaya.store.jdbc.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistChanges;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistRepository;
import org.atalaya.api.anpr.HotlistSnapshot;
import org.atalaya.api.anpr.HotlistSyncResult;
import org.atalaya.api.anpr.HotlistSyncState;
import org.atalaya.api.anpr.HotlistVersionGap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hotlist as the hub last knew it: what the matcher is loaded from at start, so a restarted
 * hub matches at once, and where an alert finds the details (reason, reference) of the entry
 * the matcher returned by id. Sources kept in step by version (the Interior Ministry's registry)
 * have their version recorded with their entries, in the same transactions.
 */
@Component(service = HotlistRepository.class)
public final class HotlistStore implements HotlistRepository {

    static final String COLUMNS = "id, plate, country, category, priority, source, reason, reference,"
            + " valid_from, valid_until";
    /** Rows per JDBC batch. */
    static final int BATCH = 1_000;

    private final Database database;
    private final Clock clock;

    @Activate
    public HotlistStore(@Reference StoreComponent store) {
        this(store.database(), Clock.systemUTC());
    }

    // not public: the component runtime reports each public constructor of the activator's arity
    // that it cannot inject
    HotlistStore(Database database) {
        this(database, Clock.systemUTC());
    }

    /** @param clock when a sync happened, for the sources' state */
    public HotlistStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<HotlistEntry> add(List<HotlistEntry> entries) {
        return database.transaction("add " + entries.size() + " hotlist entries",
                connection -> insert(connection, entries, null));
    }

    /** Lists one entry and returns it with its id. */
    public HotlistEntry add(HotlistEntry entry) {
        return add(List.of(entry)).get(0);
    }

    /** Replaces the entry with the same id; returns the entry it replaced, if there was one. */
    @Override
    public Optional<HotlistEntry> update(HotlistEntry entry) {
        return database.transaction("update hotlist entry " + entry.id(), connection -> {
            Optional<HotlistEntry> previous = find(connection, entry.id(), true);
            if (previous.isPresent()) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE hotlist_entry SET plate = ?,"
                        + " country = ?, category = ?, priority = ?, source = ?, reason = ?, reference = ?,"
                        + " valid_from = ?, valid_until = ? WHERE id = ?")) {
                    bind(update, entry);
                    update.setLong(10, entry.id());
                    update.executeUpdate();
                }
            }
            return previous;
        });
    }

    /** Removes the entry; returns it if it was there. */
    @Override
    public Optional<HotlistEntry> remove(long id) {
        return database.transaction("remove hotlist entry " + id, connection -> {
            Optional<HotlistEntry> previous = find(connection, id, true);
            if (previous.isPresent()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM hotlist_entry WHERE id = ?")) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
            }
            return previous;
        });
    }

    @Override
    public Optional<HotlistEntry> find(long id) {
        return database.run("find hotlist entry " + id, connection -> find(connection, id, false));
    }

    @Override
    public Optional<HotlistEntry> findByReference(String source, String reference) {
        return database.run("find the hotlist entry of " + source + " reference " + reference, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM hotlist_entry WHERE source = ? AND reference = ?")) {
                query.setString(1, source);
                query.setString(2, reference);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
                }
            }
        });
    }

    /** A page of entries, by id; {@code plate} narrows it to one plate when not null. */
    @Override
    public List<HotlistEntry> list(String plate, long afterId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM hotlist_entry WHERE id > ?"
                + (plate == null ? "" : " AND plate = ?") + " ORDER BY id FETCH FIRST ? ROWS ONLY";
        return database.run("list hotlist entries", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int i = 1;
                query.setLong(i++, afterId);
                if (plate != null) {
                    query.setString(i++, plate);
                }
                query.setInt(i, limit);
                List<HotlistEntry> entries = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        entries.add(entry(rows));
                    }
                }
                return entries;
            }
        });
    }

    /** Streams every entry to {@code sink}, without holding them all in memory. */
    @Override
    public long forEach(Consumer<HotlistEntry> sink) {
        // a transaction, because PostgreSQL streams with a fetch size only inside one
        return database.transaction("read the hotlist", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM hotlist_entry")) {
                query.setFetchSize(10_000);
                long count = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(entry(rows));
                        count++;
                    }
                }
                return count;
            }
        });
    }

    @Override
    public long count() {
        return database.run("count hotlist entries", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM hotlist_entry");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    // --- sources kept in step by version ------------------------------------------------

    @Override
    public AppliedChanges apply(HotlistChanges changes) {
        String source = changes.source();
        return database.transaction("apply the hotlist changes of " + source + " from version "
                + changes.fromVersion() + " to " + changes.toVersion(), connection -> {
            Optional<HotlistSyncState> state = syncState(connection, source, true);
            OptionalLong stored = state.map(s -> OptionalLong.of(s.version())).orElse(OptionalLong.empty());
            SyncDecision decision = SyncDecision.of(stored, changes.fromVersion(), changes.toVersion());
            String why = decision.explain(source, stored, changes.fromVersion(), changes.toVersion());
            if (decision == SyncDecision.ALREADY_APPLIED) {
                return new AppliedChanges(new HotlistSyncResult(state.orElseThrow(), false, 0, 0, 0, 0, List.of()),
                        List.of(), List.of());
            }
            if (decision == SyncDecision.INVALID) {
                throw new IllegalArgumentException(why);
            }
            if (decision.needsSnapshot()) {
                throw new HotlistVersionGap(why, source, stored, changes.fromVersion(), changes.toVersion());
            }

            List<String> references = new ArrayList<>(changes.upserts().size() + changes.removals().size());
            changes.upserts().forEach(entry -> references.add(entry.reference()));
            references.addAll(changes.removals());
            Map<String, HotlistEntry> held = findByReferences(connection, source, references);

            List<HotlistEntry> removed = new ArrayList<>();
            for (String reference : changes.removals()) {
                HotlistEntry entry = held.get(reference);
                if (entry != null) {
                    removed.add(entry);
                }
            }
            List<HotlistEntry> fresh = new ArrayList<>();
            List<HotlistEntry> replaced = new ArrayList<>();
            List<HotlistEntry> replacements = new ArrayList<>();
            long unchanged = 0;
            for (HotlistEntry entry : changes.upserts()) {
                HotlistEntry before = held.get(entry.reference());
                if (before == null) {
                    fresh.add(entry);
                } else if (sameListing(before, entry)) {
                    unchanged++;
                } else {
                    replaced.add(before);
                    replacements.add(withId(entry, before.id()));
                }
            }
            delete(connection, removed);
            update(connection, replacements, changes.toVersion());
            List<HotlistEntry> added = insert(connection, fresh, changes.toVersion());
            // counted as the sync goes, not recounted: a count reads every entry of the source
            long entries = state.get().entries() + added.size() - removed.size();
            HotlistSyncState after = saveState(connection, source, changes.toVersion(), entries, clock.instant(), true);

            List<HotlistEntry> unlisted = new ArrayList<>(removed);
            unlisted.addAll(replaced);
            List<HotlistEntry> listed = new ArrayList<>(added);
            listed.addAll(replacements);
            return new AppliedChanges(new HotlistSyncResult(after, true, added.size(), replacements.size(),
                    removed.size(), unchanged, List.of()), unlisted, listed);
        });
    }

    @Override
    public HotlistSnapshot beginSnapshot(String source, long version) {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        long id = database.transaction("begin a hotlist snapshot of " + source, connection -> {
            // One snapshot per source at a time: one still being loaded is abandoned, and the rows
            // of those a restart interrupted or that were never closed go with it.
            try (PreparedStatement abandon = connection.prepareStatement("DELETE FROM hotlist_snapshot_entry"
                    + " WHERE snapshot_id IN (SELECT id FROM hotlist_snapshot WHERE source = ?)")) {
                abandon.setString(1, source);
                abandon.executeUpdate();
            }
            try (PreparedStatement abandon = connection.prepareStatement(
                    "DELETE FROM hotlist_snapshot WHERE source = ?")) {
                abandon.setString(1, source);
                abandon.executeUpdate();
            }
            try (PreparedStatement begin = connection.prepareStatement("INSERT INTO hotlist_snapshot"
                    + " (source, version, started_at) VALUES (?,?,?)", new String[] {"id"})) {
                begin.setString(1, source);
                begin.setLong(2, version);
                begin.setObject(3, Database.timestamp(clock.instant()));
                begin.executeUpdate();
                try (ResultSet keys = begin.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new StagedSnapshot(database, clock, id, source, version);
    }

    @Override
    public Optional<HotlistSyncState> syncState(String source) {
        return database.run("read the sync state of " + source, connection -> syncState(connection, source, false));
    }

    @Override
    public List<HotlistEntry> listSynced(String source, long version, long afterId, int limit) {
        return database.run("list the hotlist entries " + source + " listed in version " + version, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM hotlist_entry"
                    + " WHERE source = ? AND source_version = ? AND id > ?"
                    // the index's order: H2 then reads one page of it instead of sorting all the rest
                    + " ORDER BY source, source_version, id FETCH FIRST ? ROWS ONLY")) {
                query.setString(1, source);
                query.setLong(2, version);
                query.setLong(3, afterId);
                query.setInt(4, limit);
                List<HotlistEntry> entries = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        entries.add(entry(rows));
                    }
                }
                return entries;
            }
        });
    }

    static Optional<HotlistSyncState> syncState(Connection connection, String source, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT source, version, synced_at, entry_count"
                + " FROM hotlist_sync WHERE source = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            query.setString(1, source);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new HotlistSyncState(rows.getString("source"),
                        rows.getLong("version"), Database.instant(rows.getObject("synced_at", OffsetDateTime.class)),
                        rows.getLong("entry_count"))) : Optional.empty();
            }
        }
    }

    /** Records where a source stands; {@code known} says whether it has a row already. */
    static HotlistSyncState saveState(Connection connection, String source, long version, long entries,
            Instant syncedAt, boolean known) throws SQLException {
        String sql = known ? "UPDATE hotlist_sync SET version = ?, synced_at = ?, entry_count = ? WHERE source = ?"
                : "INSERT INTO hotlist_sync (version, synced_at, entry_count, source) VALUES (?,?,?,?)";
        try (PreparedStatement save = connection.prepareStatement(sql)) {
            save.setLong(1, version);
            save.setObject(2, Database.timestamp(syncedAt));
            save.setLong(3, entries);
            save.setString(4, source);
            save.executeUpdate();
        }
        return new HotlistSyncState(source, version, Database.stored(syncedAt), entries);
    }

    /**
     * The source's entries of these references, locked until the commit. One lookup per
     * reference: H2 uses only the first column of {@code (source, reference)} for an IN list, and
     * would read every entry of the source.
     */
    private static Map<String, HotlistEntry> findByReferences(Connection connection, String source,
            List<String> references) throws SQLException {
        Map<String, HotlistEntry> held = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM hotlist_entry"
                + " WHERE source = ? AND reference = ? FOR UPDATE")) {
            query.setString(1, source);
            for (String reference : references) {
                query.setString(2, reference);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        held.put(reference, entry(rows));
                    }
                }
            }
        }
        return held;
    }

    private static void delete(Connection connection, List<HotlistEntry> entries) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM hotlist_entry WHERE id = ?")) {
            for (int i = 0; i < entries.size(); i++) {
                delete.setLong(1, entries.get(i).id());
                delete.addBatch();
                if (i % BATCH == BATCH - 1 || i == entries.size() - 1) {
                    delete.executeBatch();
                }
            }
        }
    }

    private static void update(Connection connection, List<HotlistEntry> entries, long sourceVersion)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hotlist_entry SET plate = ?,"
                + " country = ?, category = ?, priority = ?, source = ?, reason = ?, reference = ?,"
                + " valid_from = ?, valid_until = ?, source_version = ? WHERE id = ?")) {
            for (int i = 0; i < entries.size(); i++) {
                bind(update, entries.get(i));
                update.setLong(10, sourceVersion);
                update.setLong(11, entries.get(i).id());
                update.addBatch();
                if (i % BATCH == BATCH - 1 || i == entries.size() - 1) {
                    update.executeBatch();
                }
            }
        }
    }

    /** Whether two entries list the same thing, as stored; ids and sources aside. */
    private static boolean sameListing(HotlistEntry stored, HotlistEntry entry) {
        return stored.plate().equals(entry.plate()) && Objects.equals(stored.country(), entry.country())
                && stored.category() == entry.category() && stored.priority() == entry.priority()
                && Objects.equals(stored.reason(), entry.reason())
                && stored.validFrom().equals(Database.stored(entry.validFrom()))
                && Objects.equals(stored.validUntil(), Database.stored(entry.validUntil()));
    }

    static HotlistEntry withId(HotlistEntry entry, long id) {
        return new HotlistEntry(id, entry.plate(), entry.country(), entry.category(), entry.priority(), entry.source(),
                entry.reason(), entry.reference(), entry.validFrom(), entry.validUntil());
    }

    private static void setVersion(PreparedStatement statement, int index, Long sourceVersion) throws SQLException {
        if (sourceVersion == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, sourceVersion);
        }
    }

    /** Inserts in batches; returns the entries with their ids, in order. */
    private static List<HotlistEntry> insert(Connection connection, List<HotlistEntry> entries, Long sourceVersion)
            throws SQLException {
        List<HotlistEntry> added = new ArrayList<>(entries.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hotlist_entry (plate, country,"
                + " category, priority, source, reason, reference, valid_from, valid_until, source_version)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)", new String[] {"id"})) {
            for (int from = 0; from < entries.size(); from += BATCH) {
                List<HotlistEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
                for (HotlistEntry entry : batch) {
                    bind(insert, entry);
                    setVersion(insert, 10, sourceVersion);
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    for (HotlistEntry entry : batch) {
                        if (!keys.next()) {
                            throw new SQLException("the database returned fewer ids than rows inserted");
                        }
                        added.add(withId(entry, keys.getLong(1)));
                    }
                }
            }
        }
        return added;
    }

    private static Optional<HotlistEntry> find(Connection connection, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM hotlist_entry WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        }
    }

    static void bind(PreparedStatement statement, HotlistEntry entry) throws SQLException {
        statement.setString(1, entry.plate());
        statement.setString(2, entry.country());
        statement.setString(3, entry.category().name());
        statement.setShort(4, (short) entry.priority());
        statement.setString(5, entry.source());
        statement.setString(6, entry.reason());
        statement.setString(7, entry.reference());
        statement.setObject(8, Database.timestamp(entry.validFrom()));
        if (entry.validUntil() == null) {
            statement.setNull(9, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(9, Database.timestamp(entry.validUntil()));
        }
    }

    static HotlistEntry entry(ResultSet rows) throws SQLException {
        return new HotlistEntry(rows.getLong("id"), rows.getString("plate"), PlateReadStore.trim(rows.getString("country")),
                HotlistCategory.valueOf(rows.getString("category")), rows.getShort("priority"), rows.getString("source"),
                rows.getString("reason"), rows.getString("reference"),
                Database.instant(rows.getObject("valid_from", OffsetDateTime.class)),
                Database.instant(rows.getObject("valid_until", OffsetDateTime.class)));
    }
}
