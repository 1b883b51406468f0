package org.atalaya.store.internal;

import org.atalaya.store.jdbc.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.alert.AlertQuery;
import org.atalaya.api.alert.AlertRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The alerts each agency received, numbered per agency in the order they were stored: what an
 * agency's alert list pages through and what its event stream resumes from.
 */
@Component(service = AlertRepository.class)
public final class AlertStore implements AlertRepository {

    private static final String COLUMNS = "sequence, agency, alert_id, kind, priority, plate, camera_id, raised_at,"
            + " body, acknowledged_at, acknowledged_by";

    private final Database database;

    @Activate
    public AlertStore(@Reference StoreComponent store) {
        this(store.database());
    }

    // not public: the component runtime reports each public constructor of the activator's arity
    // that it cannot inject
    AlertStore(Database database) {
        this.database = database;
    }

    @Override
    public List<AgencyAlert> saveAll(String agency, List<AgencyAlert> received,
            Consumer<List<AgencyAlert>> alongside) {
        List<AgencyAlert> alerts = new ArrayList<>(received.size());
        for (AgencyAlert alert : received) {
            if (alert.priority() < 0 || alert.priority() > 100) {
                throw new IllegalArgumentException("priority must be 0 to 100: " + alert.priority());
            }
            alerts.add(new AgencyAlert(0, agency, alert.id(), alert.kind(), alert.priority(), alert.plate(),
                    alert.cameraId(), Database.stored(alert.raisedAt()), alert.json(), null, null));
        }
        if (alerts.isEmpty()) {
            return List.of();
        }
        // a transaction of its own, not a grouped one: a live alert waits for no group of others'
        // works to be run and committed first, only for the database's commit in progress
        return database.transaction("save " + alerts.size() + " alerts for " + agency, connection -> {
            List<AgencyAlert> stored = store(connection, agency, alerts);
            if (!stored.isEmpty()) {
                alongside.accept(stored);
            }
            return stored;
        });
    }

    /** The alerts not stored yet, stored; those stored already (a redelivery) are left out. */
    private List<AgencyAlert> store(Connection connection, String agency, List<AgencyAlert> alerts)
            throws SQLException {
        lockAgency(connection, agency);
        // the agency's lock makes the checks and the inserts one step
        Set<String> seen = new HashSet<>();
        List<AgencyAlert> stored = new ArrayList<>(alerts.size());
        for (AgencyAlert alert : alerts) {
            if (seen.add(alert.id()) && find(connection, agency, alert.id()).isEmpty()) {
                stored.add(insert(connection, alert));
            }
        }
        return stored;
    }

    @Override
    public List<AgencyAlert> list(String agency, AlertQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM agency_alert WHERE agency = ?");
        List<Object> values = new ArrayList<>();
        values.add(agency);
        if (query.kind() != null) {
            sql.append(" AND kind = ?");
            values.add(query.kind().name());
        }
        if (query.plate() != null) {
            sql.append(" AND plate = ?");
            values.add(query.plate());
        }
        if (query.cameraId() != null) {
            sql.append(" AND camera_id = ?");
            values.add(query.cameraId());
        }
        if (query.minPriority() > 0) {
            sql.append(" AND priority >= ?");
            values.add(query.minPriority());
        }
        if (query.since() != null) {
            sql.append(" AND raised_at >= ?");
            values.add(Database.timestamp(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND raised_at < ?");
            values.add(Database.timestamp(query.until()));
        }
        if (query.acknowledged() != null) {
            sql.append(query.acknowledged() ? " AND acknowledged_at IS NOT NULL" : " AND acknowledged_at IS NULL");
        }
        if (query.beforeSequence() > 0) {
            sql.append(" AND sequence < ?");
            values.add(query.beforeSequence());
        }
        sql.append(" ORDER BY sequence DESC FETCH FIRST ? ROWS ONLY");
        values.add(query.limit());
        return database.run("list the alerts of " + agency, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                return alerts(statement);
            }
        });
    }

    @Override
    public List<AgencyAlert> after(String agency, long sequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return database.run("read the alerts of " + agency + " after " + sequence, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM agency_alert"
                    + " WHERE agency = ? AND sequence > ? ORDER BY sequence FETCH FIRST ? ROWS ONLY")) {
                query.setString(1, agency);
                query.setLong(2, sequence);
                query.setInt(3, limit);
                return alerts(query);
            }
        });
    }

    @Override
    public Optional<AgencyAlert> find(String agency, String id) {
        return database.run("find alert " + id + " of " + agency, connection -> find(connection, agency, id));
    }

    @Override
    public Optional<AgencyAlert> acknowledge(String agency, String id, String by, Instant at) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        return database.transaction("acknowledge alert " + id + " of " + agency, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE agency_alert"
                    + " SET acknowledged_at = ?, acknowledged_by = ?"
                    + " WHERE agency = ? AND alert_id = ? AND acknowledged_at IS NULL")) {
                update.setObject(1, Database.timestamp(at));
                update.setString(2, by);
                update.setString(3, agency);
                update.setString(4, id);
                update.executeUpdate();
            }
            return find(connection, agency, id);
        });
    }

    /** Takes the agency's lock until the commit, adding the agency on its first alert. */
    private void lockAgency(Connection connection, String agency) throws SQLException {
        String add = database.dialect() == Database.Dialect.POSTGRESQL
                ? "INSERT INTO alert_agency (agency) VALUES (?) ON CONFLICT DO NOTHING"
                : "MERGE INTO alert_agency (agency) KEY (agency) VALUES (?)";
        try (PreparedStatement statement = connection.prepareStatement(add)) {
            statement.setString(1, agency);
            statement.executeUpdate();
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT agency FROM alert_agency WHERE agency = ? FOR UPDATE")) {
            lock.setString(1, agency);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
            }
        }
    }

    private static AgencyAlert insert(Connection connection, AgencyAlert alert) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agency_alert (agency, alert_id,"
                + " kind, priority, plate, camera_id, raised_at, body) VALUES (?,?,?,?,?,?,?,?)",
                new String[] {"sequence"})) {
            insert.setString(1, alert.agency());
            insert.setString(2, alert.id());
            insert.setString(3, alert.kind().name());
            insert.setInt(4, alert.priority());
            insert.setString(5, alert.plate());
            insert.setString(6, alert.cameraId());
            insert.setObject(7, Database.timestamp(alert.raisedAt()));
            insert.setString(8, alert.json());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new AgencyAlert(keys.getLong(1), alert.agency(), alert.id(), alert.kind(), alert.priority(),
                        alert.plate(), alert.cameraId(), alert.raisedAt(), alert.json(), null, null);
            }
        }
    }

    private static Optional<AgencyAlert> find(Connection connection, String agency, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM agency_alert WHERE agency = ? AND alert_id = ?")) {
            query.setString(1, agency);
            query.setString(2, id);
            List<AgencyAlert> found = alerts(query);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<AgencyAlert> alerts(PreparedStatement query) throws SQLException {
        List<AgencyAlert> alerts = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                alerts.add(new AgencyAlert(rows.getLong("sequence"), rows.getString("agency"),
                        rows.getString("alert_id"), AlertKind.valueOf(rows.getString("kind")), rows.getInt("priority"),
                        rows.getString("plate"), rows.getString("camera_id"),
                        Database.instant(rows.getObject("raised_at", OffsetDateTime.class)), rows.getString("body"),
                        Database.instant(rows.getObject("acknowledged_at", OffsetDateTime.class)),
                        rows.getString("acknowledged_by")));
            }
        }
        return alerts;
    }
}
