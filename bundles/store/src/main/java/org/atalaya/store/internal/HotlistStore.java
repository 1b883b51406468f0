package org.atalaya.store.internal;

import org.atalaya.store.jdbc.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hotlist as the hub last knew it: what the matcher is loaded from at start, so a restarted
 * hub matches at once, and where an alert finds the details (reason, reference) of the entry
 * the matcher returned by id.
 */
@Component(service = HotlistRepository.class)
public final class HotlistStore implements HotlistRepository {

    private static final String COLUMNS = "id, plate, country, category, priority, source, reason, reference,"
            + " valid_from, valid_until";

    private final Database database;

    @Activate
    public HotlistStore(@Reference StoreComponent store) {
        this(store.database());
    }

    public HotlistStore(Database database) {
        this.database = database;
    }

    @Override
    public List<HotlistEntry> add(List<HotlistEntry> entries) {
        return database.transaction("add " + entries.size() + " hotlist entries", connection -> insert(connection, entries));
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

    private static List<HotlistEntry> insert(Connection connection, List<HotlistEntry> entries) throws SQLException {
        List<HotlistEntry> added = new ArrayList<>(entries.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hotlist_entry (plate, country,"
                + " category, priority, source, reason, reference, valid_from, valid_until)"
                + " VALUES (?,?,?,?,?,?,?,?,?)", new String[] {"id"})) {
            for (HotlistEntry entry : entries) {
                bind(insert, entry);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    added.add(new HotlistEntry(keys.getLong(1), entry.plate(), entry.country(), entry.category(),
                            entry.priority(), entry.source(), entry.reason(), entry.reference(),
                            entry.validFrom(), entry.validUntil()));
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

    private static void bind(PreparedStatement statement, HotlistEntry entry) throws SQLException {
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

    private static HotlistEntry entry(ResultSet rows) throws SQLException {
        return new HotlistEntry(rows.getLong("id"), rows.getString("plate"), PlateReadStore.trim(rows.getString("country")),
                HotlistCategory.valueOf(rows.getString("category")), rows.getShort("priority"), rows.getString("source"),
                rows.getString("reason"), rows.getString("reference"),
                Database.instant(rows.getObject("valid_from", OffsetDateTime.class)),
                Database.instant(rows.getObject("valid_until", OffsetDateTime.class)));
    }
}
